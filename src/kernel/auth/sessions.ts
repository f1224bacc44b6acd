import type { Database } from '../db/connect.ts';
import { appendAudit } from '../audit/audit.ts';
import { hashPassword } from './password.ts';
import { assertPasswordAcceptable, readPolicy } from './policy.ts';
import type { Actor } from './actor.ts';
import { dutiesOf } from './permissions.ts';

// Login, lockout and session lifetime live in login.ts and session-store.ts; re-exported here
// for the callers that import them from this module.
export { login, logout, MAX_FAILED_LOGINS } from './login.ts';
export { actorFromToken } from './session-store.ts';

export async function actorById(db: Database, userId: number): Promise<Actor | undefined> {
  const r = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .innerJoin('orgs as s', 's.id', 'u.scope_org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_id', 'u.scope_org_id', 'o.name as org_name', 'o.path as org_path', 's.path as scope_path', 'u.active'])
    // The duties come in the same round trip: every signed-in request reads them.
    .select((eb) => dutiesOf(eb.ref('u.id')).as('duty_list'))
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
    duties: r.duty_list,
  };
}

export async function createUser(
  db: Database,
  input: {
    orgId: number;
    scopeOrgId?: number;
    username: string;
    displayName: string;
    role: Actor['role'];
    password: string;
    mustChangePassword?: boolean;
    /** hashPassword(password), already computed (the demo hashes its accounts side by side). */
    passwordHash?: Promise<string>;
  },
  actorId: number | null = null,
): Promise<number> {
  assertPasswordAcceptable(await readPolicy(db), input.password, input.username);
  const password_hash = await (input.passwordHash ?? hashPassword(input.password));
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
        must_change_password: input.mustChangePassword ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('password_history').values({ user_id: row.id, password_hash }).execute();
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
