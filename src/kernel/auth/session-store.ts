import { randomBytes } from 'node:crypto';
import { CompiledQuery, type InferResult } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { SessionStage } from '../db/schema.ts';
import { sm3 } from '../audit/audit.ts';
import { notFound } from '../errors.ts';
import { readPolicy, type SecurityPolicy } from './policy.ts';
import { dutiesOf } from './permissions.ts';
import { prepareByName } from '../db/connect.ts';
import { readGenerationValue } from '../read-cache.ts';
import type { Actor } from './actor.ts';

/** A half-done login (password given, code awaited) lasts this long. */
export const PENDING_MINUTES = 5;
/** last_seen_at is written at most this often per session, so reads stay reads. */
export const TOUCH_EVERY_MS = 60_000;

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export interface Authenticated {
  actor: Actor;
  sessionId: number;
  stage: SessionStage;
  /** Initial or reset password, or expired under the policy: only the change is allowed. */
  mustChangePassword: boolean;
  /** The database's read generation as the request began (read-cache.ts), read in the same round trip. */
  readGeneration: string;
}

/** Only SM3(token) is stored: a copy of the table does not give anyone a session. */
export async function createSession(trx: Database, userId: number, stage: SessionStage, now: Date, policy: SecurityPolicy, client: ClientInfo = {}): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const life = stage === 'active' ? policy.sessionMaxHours * 3_600_000 : PENDING_MINUTES * 60_000;
  await trx
    .insertInto('sessions')
    .values({
      token_hash: sm3(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + life),
      stage,
      ip: client.ip?.slice(0, 64) ?? null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export const passwordExpired = (policy: SecurityPolicy, changedAt: Date, now: Date) =>
  policy.passwordExpiryDays > 0 && new Date(changedAt).getTime() + policy.passwordExpiryDays * 86_400_000 <= now.getTime();

// The session and its user with org, scope and duties (what actorById reads) in one round trip.
const selectSession = (db: Database, tokenHash: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .innerJoin('orgs as sc', 'sc.id', 'u.scope_org_id')
    .select(['s.id', 's.user_id', 's.stage', 's.created_at', 's.last_seen_at', 's.expires_at', 'u.must_change_password', 'u.password_changed_at'])
    .select(['u.username', 'u.display_name', 'u.role', 'u.org_id', 'u.scope_org_id', 'u.active', 'o.name as org_name', 'o.path as org_path', 'sc.path as scope_path'])
    .select((eb) => dutiesOf(eb.ref('u.id')).as('duty_list'))
    .select(readGenerationValue().as('read_generation'))
    .where('s.token_hash', '=', tokenHash);
type SessionRow = InferResult<ReturnType<typeof selectSession>>[number];

/** Stands for the token's hash in the query built once. */
const TOKEN_SLOT = '\u0000token';
const sessionQueries = new WeakMap<Database, CompiledQuery>();
/**
 * Every signed-in request starts with this query: it is built once per database, because
 * building it with the query builder each time cost more CPU than running it, and PostgreSQL
 * plans it once per connection.
 */
function sessionQuery(db: Database): CompiledQuery {
  let q = sessionQueries.get(db);
  if (!q) {
    sessionQueries.set(db, (q = selectSession(db, TOKEN_SLOT).compile()));
    prepareByName('fazhi_session', q.sql);
  }
  return q;
}

/**
 * The session behind a token, or undefined when there is none or it has ended: past its
 * absolute lifetime, or idle longer than the policy allows (then it is deleted).
 */
export async function authenticate(db: Database, token: string, now = new Date()): Promise<Authenticated | undefined> {
  const policy = await readPolicy(db);
  const q = sessionQuery(db);
  const s = (await db.executeQuery<SessionRow>(CompiledQuery.raw(q.sql, q.parameters.map((p) => (p === TOKEN_SLOT ? sm3(token) : p))))).rows[0];
  if (!s) return undefined;
  const lastSeen = new Date(s.last_seen_at).getTime();
  const ended =
    new Date(s.expires_at) <= now ||
    new Date(s.created_at).getTime() + policy.sessionMaxHours * 3_600_000 <= now.getTime() ||
    lastSeen + policy.sessionIdleMinutes * 60_000 <= now.getTime();
  if (ended) {
    await db.deleteFrom('sessions').where('id', '=', s.id).execute();
    return undefined;
  }
  if (!s.active) return undefined;
  const actor: Actor = {
    id: s.user_id,
    username: s.username,
    displayName: s.display_name,
    role: s.role,
    orgId: s.org_id,
    orgName: s.org_name,
    orgPath: s.org_path,
    scopeOrgId: s.scope_org_id,
    scopePath: s.scope_path,
    duties: s.duty_list,
  };
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', s.id).where('last_seen_at', '<', now).execute();
  }
  return {
    actor,
    sessionId: s.id,
    stage: s.stage,
    mustChangePassword: s.must_change_password || passwordExpired(policy, s.password_changed_at, now),
    readGeneration: s.read_generation,
  };
}

/** The signed-in user only: a session still waiting for its second factor is not one. */
export async function actorFromToken(db: Database, token: string, now = new Date()): Promise<Actor | undefined> {
  const a = await authenticate(db, token, now);
  return a && a.stage === 'active' ? a.actor : undefined;
}

export interface SessionInfo {
  id: number;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export async function listOwnSessions(db: Database, actor: Actor, currentSessionId: number | null): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', actor.id)
    .where('stage', '=', 'active')
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.id === currentSessionId,
  }));
}

/** Ends one of the actor's own sessions; another user's session id is "not found". */
export async function endOwnSession(db: Database, actor: Actor, sessionId: number): Promise<void> {
  const r = await db.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', actor.id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound('会话');
}

/** Deletes ended sessions and stale failure counts of unknown usernames; returns sessions removed. */
export async function purgeExpiredSessions(db: Database, now = new Date()): Promise<number> {
  const policy = await readPolicy(db);
  const idleCut = new Date(now.getTime() - policy.sessionIdleMinutes * 60_000);
  const ageCut = new Date(now.getTime() - policy.sessionMaxHours * 3_600_000);
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCut), eb('created_at', '<=', ageCut)]))
    .executeTakeFirst();
  await db
    .deleteFrom('login_failures')
    .where('last_at', '<', new Date(now.getTime() - 86_400_000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  await db
    .deleteFrom('login_attempts')
    .where('last_at', '<', new Date(now.getTime() - 86_400_000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  return Number(r.numDeletedRows);
}

/** Ends every session of a user (password reset, disable), or all but one (own password change). */
export async function endUserSessions(trx: Database, userId: number, keepSessionId: number | null = null): Promise<void> {
  await trx
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keepSessionId !== null, (q) => q.where('id', '<>', keepSessionId!))
    .execute();
}
