import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { SessionStage } from '../db/schema.ts';
import { appendAudit, sm3 } from '../audit/audit.ts';
import { AppError, unauthorized } from '../errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { readPolicy } from './policy.ts';
import { needsSecondFactor } from './gates.ts';
import { createSession, passwordExpired, purgeExpiredSessions, type ClientInfo } from './session-store.ts';
import { matchTotp } from './totp.ts';
import { actorById } from './sessions.ts';
import type { Actor } from './actor.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Verified against when the user does not exist, so both paths take the same time.
const dummyHash = hashPassword('fazhi-no-such-user');

/** One answer for an unknown user, a disabled one and a wrong password: nothing to enumerate. */
export const WRONG_CREDENTIALS = '用户名或密码错误';

function lockedError(until: Date): AppError {
  const hhmm = new Date(until.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return new AppError(423, 'locked', `登录失败次数过多，账号已锁定，请于${hhmm}（北京时间）后再试，或联系管理员解锁`);
}

// The count an attempt brings the account to: a lock that has run out starts a new count.
const nextCount = sql<number>`CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END`;

/**
 * Reserves one attempt BEFORE any secret is checked, in a single statement: the row lock makes
 * parallel attempts queue, the fifth sets the lock, and later ones find no unlocked row. So at
 * most MAX_FAILED_LOGINS guesses are ever evaluated per lock period, however many arrive at once.
 */
async function reserveAttempt(db: Database, who: { username: string } | { id: number }, now: Date) {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  return db
    .updateTable('users')
    .set({
      failed_logins: nextCount,
      locked_until: sql<Date | null>`CASE WHEN ${nextCount} >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}::timestamptz ELSE NULL END`,
    })
    .$if('id' in who, (q) => q.where('id', '=', (who as { id: number }).id))
    .$if('username' in who, (q) => q.where('username', '=', (who as { username: string }).username))
    .where('active', '=', true)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['id', 'username', 'role', 'password_hash', 'failed_logins', 'locked_until', 'totp_secret'])
    .executeTakeFirst();
}

/** The same counting for names that are no (active) account, so they lock alike. */
async function reserveUnknown(db: Database, username: string, now: Date): Promise<{ locked_until: Date | null } | undefined> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const r = await sql<{ locked_until: Date | null }>`
    INSERT INTO login_failures AS f (username, failed_logins, locked_until, last_at) VALUES (${username}, 1, NULL, ${now})
    ON CONFLICT (username) DO UPDATE SET
      failed_logins = CASE WHEN f.locked_until IS NOT NULL THEN 1 ELSE f.failed_logins + 1 END,
      locked_until = CASE WHEN (CASE WHEN f.locked_until IS NOT NULL THEN 1 ELSE f.failed_logins + 1 END) >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}::timestamptz ELSE NULL END,
      last_at = ${now}
    WHERE f.locked_until IS NULL OR f.locked_until <= ${now}
    RETURNING f.locked_until`.execute(db);
  return r.rows[0];
}

async function lockedUntilOf(db: Database, username: string): Promise<Date | null> {
  const u = await db.selectFrom('users').select('locked_until').where('username', '=', username).where('active', '=', true).executeTakeFirst();
  if (u) return u.locked_until && new Date(u.locked_until);
  const f = await db.selectFrom('login_failures').select('locked_until').where('username', '=', username).executeTakeFirst();
  return f?.locked_until ? new Date(f.locked_until) : null;
}

async function auditAttempt(db: Database, action: string, userId: number | null, after: Record<string, unknown>) {
  await db.transaction().execute((trx) => appendAudit(trx, { actorId: userId, action, entity: 'user', entityId: userId, after }));
}

export interface LoginResult {
  token: string;
  /** 'active': signed in; 'totp': a code is needed; 'enrol': a second factor must be set up. */
  stage: SessionStage;
  actor: Actor;
  mustChangePassword: boolean;
}

/** Step one: user name and password. */
export async function login(db: Database, username: string, password: string, now = new Date(), client: ClientInfo = {}): Promise<LoginResult> {
  const user = await reserveAttempt(db, { username }, now);
  if (!user) {
    const lockedUntil = await lockedUntilOf(db, username);
    if (lockedUntil && lockedUntil > now) throw lockedError(lockedUntil);
    const unknown = await reserveUnknown(db, username, now);
    if (!unknown) throw lockedError((await lockedUntilOf(db, username)) ?? now);
    await verifyPassword(password, await dummyHash);
    const locks = unknown.locked_until !== null;
    await auditAttempt(db, locks ? 'auth.locked' : 'auth.failed', null, { username: username.slice(0, 64), ip: client.ip ?? null, reason: 'unknown_user' });
    if (locks) throw lockedError(new Date(unknown.locked_until!));
    throw unauthorized(WRONG_CREDENTIALS);
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const locks = user.locked_until !== null;
    await auditAttempt(db, locks ? 'auth.locked' : 'auth.failed', user.id, { failed: user.failed_logins, ip: client.ip ?? null });
    if (locks) throw lockedError(new Date(user.locked_until!));
    throw unauthorized(WRONG_CREDENTIALS);
  }
  const policy = await readPolicy(db);
  // Whoever has enrolled gives a code; the policy makes enrolment compulsory for privileged users.
  const privileged = policy.requireTotpForPrivileged && !user.totp_secret && needsSecondFactor((await actorById(db, user.id))!);
  const stage: SessionStage = user.totp_secret ? 'totp' : privileged ? 'enrol' : 'active';
  await purgeExpiredSessions(db, now);
  const token = await db.transaction().execute(async (trx) => {
    // With a code still to come, the reserved attempt stays counted: code guesses share the budget.
    if (stage !== 'totp') await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    const t = await createSession(trx, user.id, stage, now, policy, client);
    await appendAudit(trx, { actorId: user.id, action: stage === 'active' ? 'auth.login' : 'auth.password_ok', entity: 'user', entityId: user.id, after: { ip: client.ip ?? null, next: stage } });
    return t;
  });
  return { token, stage, actor: (await actorById(db, user.id))!, mustChangePassword: await mustChange(db, user.id, now) };
}

async function mustChange(db: Database, userId: number, now: Date): Promise<boolean> {
  const u = await db.selectFrom('users').select(['must_change_password', 'password_changed_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  return u.must_change_password || passwordExpired(await readPolicy(db), u.password_changed_at, now);
}

async function pendingSession(db: Database, token: string, stage: SessionStage, now: Date) {
  const s = await db.selectFrom('sessions').select(['id', 'user_id', 'expires_at']).where('token_hash', '=', sm3(token)).where('stage', '=', stage).executeTakeFirst();
  if (!s || new Date(s.expires_at) <= now) throw unauthorized('登录已超时，请重新输入用户名和密码');
  return s;
}

/** Replaces the half-done session by a full one under a new token, so no token outlives its step. */
async function promote(db: Database, pendingId: number, userId: number, now: Date, client: ClientInfo, factor: string): Promise<string> {
  const policy = await readPolicy(db);
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', pendingId).execute();
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', userId).execute();
    const t = await createSession(trx, userId, 'active', now, policy, client);
    await appendAudit(trx, { actorId: userId, action: 'auth.login', entity: 'user', entityId: userId, after: { ip: client.ip ?? null, factor } });
    return t;
  });
}

/** Step two: the code from the authenticator app; wrong codes count toward the lock. */
export async function loginWithCode(db: Database, pendingToken: string, code: string, now = new Date(), client: ClientInfo = {}): Promise<LoginResult> {
  const s = await pendingSession(db, pendingToken, 'totp', now);
  const user = await reserveAttempt(db, { id: s.user_id }, now);
  if (!user) {
    await db.deleteFrom('sessions').where('id', '=', s.id).execute();
    const u = await db.selectFrom('users').select(['locked_until', 'active']).where('id', '=', s.user_id).executeTakeFirst();
    if (u?.active && u.locked_until) throw lockedError(new Date(u.locked_until));
    throw unauthorized('登录已失效，请重新登录');
  }
  const step = user.totp_secret ? matchTotp(user.totp_secret, code, now) : null;
  // A code is good once: the accepted step must be later than the last one used.
  const fresh =
    step !== null &&
    (await db
      .updateTable('users')
      .set({ totp_last_step: String(step) })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
      .returning('id')
      .executeTakeFirst());
  if (!fresh) {
    const locks = user.locked_until !== null;
    await auditAttempt(db, locks ? 'auth.locked' : 'auth.failed', user.id, { failed: user.failed_logins, factor: 'totp', ip: client.ip ?? null });
    if (locks) {
      await db.deleteFrom('sessions').where('id', '=', s.id).execute();
      throw lockedError(new Date(user.locked_until!));
    }
    throw unauthorized('动态验证码错误或已使用，请输入验证器中当前显示的6位数字');
  }
  const token = await promote(db, s.id, user.id, now, client, 'totp');
  return { token, stage: 'active', actor: (await actorById(db, user.id))!, mustChangePassword: await mustChange(db, user.id, now) };
}

/** After a compulsory enrolment at login is confirmed, the half-done session becomes a full one. */
export async function finishEnrolmentLogin(db: Database, pendingToken: string, now = new Date(), client: ClientInfo = {}): Promise<LoginResult> {
  const s = await pendingSession(db, pendingToken, 'enrol', now);
  const token = await promote(db, s.id, s.user_id, now, client, 'totp_enrolled');
  return { token, stage: 'active', actor: (await actorById(db, s.user_id))!, mustChangePassword: await mustChange(db, s.user_id, now) };
}

/** Logout deletes the session (the token is dead at once) and is recorded. */
export async function logout(db: Database, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const s = await trx.deleteFrom('sessions').where('token_hash', '=', sm3(token)).returning('user_id').executeTakeFirst();
    if (s) await appendAudit(trx, { actorId: s.user_id, action: 'auth.logout', entity: 'user', entityId: s.user_id });
  });
}
