import { randomBytes } from 'node:crypto';
import type { Database } from '../db/connect.ts';
import { appendAudit, sm3 } from '../audit/audit.ts';
import { AppError, unauthorized } from '../errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { Actor } from './actor.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

// Verified against when the user does not exist, so both paths take the same time.
const dummyHash = hashPassword('fazhi-no-such-user');

const WRONG = '用户名或密码错误';

export async function login(db: Database, username: string, password: string, now = new Date()): Promise<{ token: string; actor: Actor }> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!user || !user.active) {
    await verifyPassword(password, await dummyHash);
    throw unauthorized(WRONG);
  }
  if (user.locked_until && new Date(user.locked_until) > now) {
    const until = new Date(new Date(user.locked_until).getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
    throw new AppError(423, 'locked', `密码连续错误${MAX_FAILED_LOGINS}次，账号已锁定，请于${until}（北京时间）后再试，或联系管理员解锁`);
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failed = user.failed_logins + 1;
    const locks = failed >= MAX_FAILED_LOGINS;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set(locks ? { failed_logins: 0, locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000) } : { failed_logins: failed })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, { actorId: user.id, action: locks ? 'auth.locked' : 'auth.failed', entity: 'user', entityId: user.id, after: { failed } });
    });
    if (locks) throw new AppError(423, 'locked', `密码连续错误${MAX_FAILED_LOGINS}次，账号已锁定${LOCK_MINUTES}分钟`);
    throw unauthorized(`${WRONG}（还可尝试${MAX_FAILED_LOGINS - failed}次）`);
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await trx
      .insertInto('sessions')
      .values({ token_hash: sm3(token), user_id: user.id, expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000) })
      .execute();
    await appendAudit(trx, { actorId: user.id, action: 'auth.login', entity: 'user', entityId: user.id });
  });
  return { token, actor: (await actorById(db, user.id))! };
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sm3(token)).execute();
}

export async function actorFromToken(db: Database, token: string, now = new Date()): Promise<Actor | undefined> {
  const s = await db.selectFrom('sessions').selectAll().where('token_hash', '=', sm3(token)).executeTakeFirst();
  if (!s || new Date(s.expires_at) <= now) return undefined;
  return actorById(db, s.user_id);
}

export async function actorById(db: Database, userId: number): Promise<Actor | undefined> {
  const r = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .innerJoin('orgs as s', 's.id', 'u.scope_org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_id', 'u.scope_org_id', 'o.name as org_name', 'o.path as org_path', 's.path as scope_path', 'u.active'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!r || !r.active) return undefined;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    orgId: r.org_id,
    orgName: r.org_name,
    orgPath: r.org_path,
    scopeOrgId: r.scope_org_id,
    scopePath: r.scope_path,
  };
}

export async function createUser(
  db: Database,
  input: { orgId: number; scopeOrgId?: number; username: string; displayName: string; role: Actor['role']; password: string },
  actorId: number | null = null,
): Promise<number> {
  const password_hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({
        org_id: input.orgId,
        scope_org_id: input.scopeOrgId ?? input.orgId,
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actorId,
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      after: { username: input.username, displayName: input.displayName, role: input.role, orgId: input.orgId },
    });
    return row.id;
  });
}
