import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { SessionStage } from '../db/schema.ts';
import { appendAudit, sm3 } from '../audit/audit.ts';
import { AppError, unauthorized } from '../errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { DEFAULT_POLICY, readPolicy, type SecurityPolicy } from './policy.ts';
import { needsSecondFactor } from './gates.ts';
import { createSession, passwordExpired, purgeExpiredSessions, type ClientInfo } from './session-store.ts';
import { matchTotp } from './totp.ts';
import { openTotpSecret } from './totp-secrets.ts';
import { notify } from '../../workbench/notify.ts';
import { actorById } from './sessions.ts';
import type { Actor } from './actor.ts';

/**
 * The lock thresholds are the security policy's (secadmin sets them); these are their defaults:
 * wrong passwords or codes from one address before that (account, address) pair locks, and failures
 * from all addresses within the lock period that lock the account as a whole.
 */
export const MAX_FAILED_LOGINS = DEFAULT_POLICY.loginMaxFailures;
export const ACCOUNT_MAX_FAILURES = DEFAULT_POLICY.accountMaxFailures;

// Verified against when the user does not exist, so both paths take the same time.
const dummyHash = hashPassword('fazhi-no-such-user');

/** One answer for an unknown user, a disabled one and a wrong password: nothing to enumerate. */
export const WRONG_CREDENTIALS = '用户名或密码错误';

/** Who hears of security events the kernel sees (the server writes them to the security log). */
export type SecurityReport = (event: string, details: Record<string, unknown>) => void;

type LockScope = 'address' | 'account';

const lockEnd = (policy: SecurityPolicy, now: Date) => new Date(now.getTime() + policy.loginLockMinutes * 60_000);
// The account-wide count slides over the same period as a lock lasts.
const windowStart = (policy: SecurityPolicy, now: Date) => new Date(now.getTime() - policy.loginLockMinutes * 60_000);

function lockedError(until: Date, scope: LockScope): AppError {
  const hhmm = new Date(until.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return scope === 'address'
    ? new AppError(423, 'locked', `从本机登录失败次数过多，该账号在本机已锁定，请于${hhmm}（北京时间）后再试，或联系管理员解锁`)
    : new AppError(423, 'locked', `登录失败次数过多，账号已锁定，请于${hhmm}（北京时间）后再试，或联系管理员解锁`);
}

/**
 * The key a client address is counted under. An IPv6 host usually holds a whole /64, so the
 * prefix is the address; IPv4-mapped IPv6 is plain IPv4.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return '';
  const bare = ip.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1];
  if (!bare.includes(':')) return bare;
  const [head, tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Reserves one attempt for (user name, address) BEFORE any secret is checked, in one statement:
 * the row lock makes parallel attempts queue, the fifth sets the lock, later ones get no row. So at
 * most policy.loginMaxFailures guesses per address are ever evaluated per lock period, however many
 * arrive at once. Known and unknown names are counted alike.
 */
async function reservePair(db: Database, policy: SecurityPolicy, username: string, address: string, now: Date) {
  const lockUntil = lockEnd(policy, now);
  const r = await sql<{ failed_logins: number; locked_until: Date | null }>`
    INSERT INTO login_attempts AS a (username, address, failed_logins, locked_until, last_at) VALUES (${username}, ${address}, 1, NULL, ${now})
    ON CONFLICT (username, address) DO UPDATE SET
      failed_logins = CASE WHEN a.locked_until IS NOT NULL THEN 1 ELSE a.failed_logins + 1 END,
      locked_until = CASE WHEN (CASE WHEN a.locked_until IS NOT NULL THEN 1 ELSE a.failed_logins + 1 END) >= ${policy.loginMaxFailures} THEN ${lockUntil}::timestamptz ELSE NULL END,
      last_at = ${now}
    WHERE a.locked_until IS NULL OR a.locked_until <= ${now}
    RETURNING a.failed_logins, a.locked_until`.execute(db);
  return r.rows[0];
}

async function pairLockedUntil(db: Database, username: string, address: string): Promise<Date | null> {
  const r = await db.selectFrom('login_attempts').select('locked_until').where('username', '=', username).where('address', '=', address).executeTakeFirst();
  return r?.locked_until ? new Date(r.locked_until) : null;
}

/** A successful login gives back the account-wide reservations it made, so signing in never adds up to a lock. */
const refund = (n: number) => sql<number>`GREATEST(failed_logins - ${n}, 0)`;

/** A good password or code clears the count of that address (the account-wide one only gets its reservations back). */
async function clearPair(db: Database, username: string, address: string) {
  await db.deleteFrom('login_attempts').where('username', '=', username).where('address', '=', address).execute();
}

/** The per-address reservation for callers outside the login (the own password change). */
export async function reserveAddressAttempt(db: Database, username: string, ip: string | undefined, now: Date) {
  const address = addressKey(ip);
  const pair = await reservePair(db, await readPolicy(db), username, address, now);
  if (!pair) throw lockedError((await pairLockedUntil(db, username, address)) ?? now, 'address');
  return { locked: pair.locked_until ? lockedError(new Date(pair.locked_until), 'address') : null, failed: pair.failed_logins, clear: () => clearPair(db, username, address) };
}

// The account-wide count slides: a lock that ran out, or a first failure older than the window, starts it again.
const accountFresh = (policy: SecurityPolicy, now: Date) =>
  sql<boolean>`(locked_until IS NOT NULL OR failed_since IS NULL OR failed_since <= ${windowStart(policy, now)}::timestamptz)`;

/** The same reservation on the account as a whole, with the much higher threshold. */
async function reserveAttempt(db: Database, policy: SecurityPolicy, who: { username: string } | { id: number }, now: Date) {
  const lockUntil = lockEnd(policy, now);
  const fresh = accountFresh(policy, now);
  const next = sql<number>`CASE WHEN ${fresh} THEN 1 ELSE failed_logins + 1 END`;
  return db
    .updateTable('users')
    .set({
      failed_logins: next,
      failed_since: sql<Date>`CASE WHEN ${fresh} THEN ${now}::timestamptz ELSE failed_since END`,
      locked_until: sql<Date | null>`CASE WHEN ${next} >= ${policy.accountMaxFailures} THEN ${lockUntil}::timestamptz ELSE NULL END`,
    })
    .$if('id' in who, (q) => q.where('id', '=', (who as { id: number }).id))
    .$if('username' in who, (q) => q.where('username', '=', (who as { username: string }).username))
    .where('active', '=', true)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['id', 'username', 'role', 'password_hash', 'failed_logins', 'locked_until', 'totp_secret'])
    .executeTakeFirst();
}

/** The account-wide count for names that are no (active) account, so they lock alike. */
async function reserveUnknown(db: Database, policy: SecurityPolicy, username: string, now: Date): Promise<{ locked_until: Date | null; failed_logins: number } | undefined> {
  const lockUntil = lockEnd(policy, now);
  const fresh = sql`(f.locked_until IS NOT NULL OR f.failed_since IS NULL OR f.failed_since <= ${windowStart(policy, now)}::timestamptz)`;
  const r = await sql<{ locked_until: Date | null; failed_logins: number }>`
    INSERT INTO login_failures AS f (username, failed_logins, failed_since, locked_until, last_at) VALUES (${username}, 1, ${now}, NULL, ${now})
    ON CONFLICT (username) DO UPDATE SET
      failed_logins = CASE WHEN ${fresh} THEN 1 ELSE f.failed_logins + 1 END,
      failed_since = CASE WHEN ${fresh} THEN ${now}::timestamptz ELSE f.failed_since END,
      locked_until = CASE WHEN (CASE WHEN ${fresh} THEN 1 ELSE f.failed_logins + 1 END) >= ${policy.accountMaxFailures} THEN ${lockUntil}::timestamptz ELSE NULL END,
      last_at = ${now}
    WHERE f.locked_until IS NULL OR f.locked_until <= ${now}
    RETURNING f.locked_until, f.failed_logins`.execute(db);
  return r.rows[0];
}

/** The account-wide lock of a name, real account or not. */
async function lockedUntilOf(db: Database, username: string): Promise<Date | null> {
  const u = await db.selectFrom('users').select('locked_until').where('username', '=', username).where('active', '=', true).executeTakeFirst();
  if (u) return u.locked_until && new Date(u.locked_until);
  const f = await db.selectFrom('login_failures').select('locked_until').where('username', '=', username).executeTakeFirst();
  return f?.locked_until ? new Date(f.locked_until) : null;
}

async function auditAttempt(db: Database, action: string, userId: number | null, after: Record<string, unknown>) {
  await db.transaction().execute((trx) => appendAudit(trx, { actorId: userId, action, entity: 'user', entityId: userId, after }));
}

/**
 * The account-wide lock was just set: an attack from many addresses. Recorded in the audit trail,
 * sent to the security administrators as a message, and reported to the security log.
 */
async function accountLocked(db: Database, username: string, userId: number | null, until: Date, now: Date, client: ClientInfo, report?: SecurityReport) {
  const policy = await readPolicy(db);
  const details = { username: username.slice(0, 64), until: until.toISOString(), threshold: policy.accountMaxFailures, windowMinutes: policy.loginLockMinutes, lastIp: client.ip ?? null };
  await auditAttempt(db, 'auth.account_locked', userId, details);
  const secadmins = await db.selectFrom('users').select('id').where('role', '=', 'secadmin').where('active', '=', true).execute();
  const hhmm = new Date(until.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  await notify(
    db,
    secadmins.map((u) => u.id),
    {
      kind: 'security',
      title: `安全事件：账号「${details.username}」已整体锁定`,
      body: `${details.windowMinutes}分钟内来自多个地址的登录失败达${details.threshold}次，该账号在所有地址锁定至${hhmm}（北京时间）。请在审计日志中查看 auth. 开头的记录，核查来源地址。`,
      link: '/system',
      dedupe: `account-lock:${details.username}:${details.until}`,
    },
    now,
  );
  report?.('account_locked', { scope: 'account', ...details });
}

interface Failure {
  userId: number | null;
  username: string;
  pair: { failed_logins: number; locked_until: Date | null };
  account: { failed_logins: number; locked_until: Date | null };
  now: Date;
  client: ClientInfo;
  report?: SecurityReport;
  after?: Record<string, unknown>;
  message?: string;
}

/** A wrong password or code: audited, and answered 401, or 423 when this attempt set a lock. */
async function refuse(db: Database, f: Failure): Promise<never> {
  const accountLock = f.account.locked_until && new Date(f.account.locked_until);
  const pairLock = f.pair.locked_until && new Date(f.pair.locked_until);
  if (accountLock) await accountLocked(db, f.username, f.userId, accountLock, f.now, f.client, f.report);
  await auditAttempt(db, accountLock || pairLock ? 'auth.locked' : 'auth.failed', f.userId, {
    ...(f.userId === null ? { username: f.username.slice(0, 64) } : {}),
    failed: f.pair.failed_logins,
    accountFailed: f.account.failed_logins,
    ip: f.client.ip ?? null,
    ...(accountLock ? { lock: 'account' } : pairLock ? { lock: 'address' } : {}),
    ...f.after,
  });
  if (accountLock) throw lockedError(accountLock, 'account');
  if (pairLock) throw lockedError(pairLock, 'address');
  throw unauthorized(f.message ?? WRONG_CREDENTIALS);
}

/** Refuses at once when the name is locked as a whole or from this address (no count, no check). */
async function assertNotLocked(db: Database, username: string, address: string, now: Date) {
  const all = await lockedUntilOf(db, username);
  if (all && all > now) throw lockedError(all, 'account');
  const here = await pairLockedUntil(db, username, address);
  if (here && here > now) throw lockedError(here, 'address');
}

export interface LoginResult {
  token: string;
  /** 'active': signed in; 'totp': a code is needed; 'enrol': a second factor must be set up. */
  stage: SessionStage;
  actor: Actor;
  mustChangePassword: boolean;
}

/** Step one: user name and password. */
export async function login(db: Database, username: string, password: string, now = new Date(), client: ClientInfo = {}, report?: SecurityReport): Promise<LoginResult> {
  const address = addressKey(client.ip);
  await assertNotLocked(db, username, address, now);
  const policy = await readPolicy(db);
  const pair = await reservePair(db, policy, username, address, now);
  if (!pair) throw lockedError((await pairLockedUntil(db, username, address)) ?? now, 'address');
  const user = await reserveAttempt(db, policy, { username }, now);
  if (!user) {
    const lockedUntil = await lockedUntilOf(db, username);
    if (lockedUntil && lockedUntil > now) throw lockedError(lockedUntil, 'account');
    const unknown = await reserveUnknown(db, policy, username, now);
    if (!unknown) throw lockedError((await lockedUntilOf(db, username)) ?? now, 'account');
    await verifyPassword(password, await dummyHash);
    return refuse(db, { userId: null, username, pair, account: unknown, now, client, report, after: { reason: 'unknown_user' } });
  }
  if (!(await verifyPassword(password, user.password_hash))) return refuse(db, { userId: user.id, username, pair, account: user, now, client, report });
  // Whoever has enrolled gives a code; the policy makes enrolment compulsory for privileged users.
  const privileged = policy.requireTotpForPrivileged && !user.totp_secret && needsSecondFactor((await actorById(db, user.id))!);
  const stage: SessionStage = user.totp_secret ? 'totp' : privileged ? 'enrol' : 'active';
  await purgeExpiredSessions(db, now);
  const token = await db.transaction().execute(async (trx) => {
    // With a code still to come, the reserved attempt stays counted: code guesses share the budget.
    if (stage !== 'totp') {
      await clearPair(trx, username, address);
      await trx.updateTable('users').set({ last_login_at: now, failed_logins: refund(1) }).where('id', '=', user.id).execute();
    }
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
    // The password's and the code's reservations are given back (an enrolment login's was at the password step).
    const u = await trx.updateTable('users').set({ last_login_at: now, failed_logins: refund(factor === 'totp' ? 2 : 0) }).where('id', '=', userId).returning('username').executeTakeFirstOrThrow();
    await clearPair(trx, u.username, addressKey(client.ip));
    const t = await createSession(trx, userId, 'active', now, policy, client);
    await appendAudit(trx, { actorId: userId, action: 'auth.login', entity: 'user', entityId: userId, after: { ip: client.ip ?? null, factor } });
    return t;
  });
}

/** Step two: the code from the authenticator app; wrong codes count toward the same locks. */
export async function loginWithCode(db: Database, pendingToken: string, code: string, now = new Date(), client: ClientInfo = {}, report?: SecurityReport): Promise<LoginResult> {
  const s = await pendingSession(db, pendingToken, 'totp', now);
  const endPending = () => db.deleteFrom('sessions').where('id', '=', s.id).execute();
  const who = await db.selectFrom('users').select(['username', 'locked_until', 'active']).where('id', '=', s.user_id).executeTakeFirstOrThrow();
  const address = addressKey(client.ip);
  const policy = await readPolicy(db);
  const pair = await reservePair(db, policy, who.username, address, now);
  if (!pair) {
    await endPending();
    throw lockedError((await pairLockedUntil(db, who.username, address)) ?? now, 'address');
  }
  const user = await reserveAttempt(db, policy, { id: s.user_id }, now);
  if (!user) {
    await endPending();
    const u = await db.selectFrom('users').select(['locked_until', 'active']).where('id', '=', s.user_id).executeTakeFirst();
    if (u?.active && u.locked_until) throw lockedError(new Date(u.locked_until), 'account');
    throw unauthorized('登录已失效，请重新登录');
  }
  const secret = user.totp_secret ? await openTotpSecret(db, user.id, user.totp_secret) : null;
  const step = secret ? matchTotp(secret, code, now) : null;
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
    if (pair.locked_until || user.locked_until) await endPending();
    return refuse(db, { userId: user.id, username: user.username, pair, account: user, now, client, report, after: { factor: 'totp' }, message: '动态验证码错误或已使用，请输入验证器中当前显示的6位数字' });
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
