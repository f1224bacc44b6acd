import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Role } from '../db/schema.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { getOrg } from '../orgs.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertPasswordAcceptable, readPolicy, type SecurityPolicy } from './policy.ts';
import { assertMayAdministerUsers, assertMayAssignRoles } from './gates.ts';
import { reserveAddressAttempt } from './login.ts';
import { ROLE_BUNDLES } from './permissions.ts';
import { createUser } from './sessions.ts';
import { endUserSessions, passwordExpired, type ClientInfo } from './session-store.ts';
import { ROLE_LABELS, type Actor } from './actor.ts';

/*
 * User administration under 三员分立. The system administrator (users.manage) creates accounts,
 * edits names and units, disables, unlocks and resets passwords, but gives no rights: a new account
 * has no role. The security administrator (security.manage) assigns roles and scopes (and duties,
 * permissions.ts) but creates no account and sets no password. Nobody changes their own.
 * `by` is the administrator acting, or null for the local CLI (`npx fazhi users …`), whose operator
 * already holds the database and is the install and recovery path.
 */
type By = Actor | null;

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  orgId: number;
  orgName: string;
  scopeOrgId: number;
  scopeOrgName: string;
  active: boolean;
  /** Locked as a whole (failures from many addresses). */
  locked: boolean;
  lockedUntil: string | null;
  /** Client addresses from which this account is locked for now (the usual lock of 登录失败处理). */
  lockedAddresses: number;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserFilter {
  q?: string;
  orgId?: number;
  role?: Role;
  status?: 'active' | 'disabled' | 'locked';
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function userQuery(db: Database) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .innerJoin('orgs as s', 's.id', 'u.scope_org_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_id',
      'o.name as org_name',
      'o.path as org_path',
      'u.scope_org_id',
      's.name as scope_name',
      's.path as scope_path',
      'u.active',
      'u.locked_until',
      'u.must_change_password',
      'u.password_changed_at',
      'u.totp_secret',
      'u.last_login_at',
      'u.created_at',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

function toRow(r: Raw, policy: SecurityPolicy, now: Date, lockedAddresses = 0): UserRow {
  const locked = r.locked_until !== null && new Date(r.locked_until) > now;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role] ?? r.role,
    orgId: r.org_id,
    orgName: r.org_name,
    scopeOrgId: r.scope_org_id,
    scopeOrgName: r.scope_name,
    active: r.active,
    locked,
    lockedUntil: locked ? iso(r.locked_until) : null,
    lockedAddresses,
    mustChangePassword: r.must_change_password,
    passwordExpired: passwordExpired(policy, r.password_changed_at, now),
    totpEnabled: r.totp_secret !== null,
    lastLoginAt: iso(r.last_login_at),
    createdAt: iso(r.created_at as unknown as Date)!,
  };
}

/** Users whose org lies in the administrator's scope (the CLI sees all). */
export async function listUsers(db: Database, by: By, filter: UserFilter = {}, now = new Date()): Promise<UserRow[]> {
  if (by) assertMayAdministerUsers(by);
  const policy = await readPolicy(db);
  let q = userQuery(db).orderBy('o.path').orderBy('u.username');
  if (by) q = q.where('o.path', 'like', `${by.scopePath}%`);
  if (filter.orgId) {
    const org = await getOrg(db, filter.orgId);
    q = q.where('o.path', 'like', `${org.path}%`);
  }
  if (filter.role) q = q.where('u.role', '=', filter.role);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (filter.status === 'active') q = q.where('u.active', '=', true);
  if (filter.status === 'disabled') q = q.where('u.active', '=', false);
  if (filter.status === 'locked') {
    q = q.where((eb) => eb.or([eb('u.locked_until', '>', now), eb.exists(eb.selectFrom('login_attempts as a').select('a.address').whereRef('a.username', '=', 'u.username').where('a.locked_until', '>', now))]));
  }
  const rows = await q.execute();
  const locks = await addressLocks(db, rows.map((r) => r.username), now);
  return rows.map((r) => toRow(r, policy, now, locks.get(r.username)));
}

async function addressLocks(db: Database, usernames: string[], now: Date): Promise<Map<string, number>> {
  if (!usernames.length) return new Map();
  const rows = await db
    .selectFrom('login_attempts')
    .select(['username', sql<number>`count(*)::int`.as('n')])
    .where('username', 'in', usernames)
    .where('locked_until', '>', now)
    .groupBy('username')
    .execute();
  return new Map(rows.map((r) => [r.username, r.n]));
}

async function target(db: Database, by: By, id: number, gate = assertMayAdministerUsers): Promise<Raw> {
  if (by) gate(by);
  const r = await userQuery(db).where('u.id', '=', id).executeTakeFirst();
  if (!r || (by && !r.org_path.startsWith(by.scopePath))) throw notFound('用户');
  return r;
}

/**
 * The security and audit administrators' accounts are out of the system administrator's reach
 * for anything that would let them sign in as one (password, second factor) or silence one
 * (disable, edit): otherwise a reset would undo 三员分立. The local CLI is their recovery path.
 */
const GUARDED: Role[] = ['secadmin', 'auditor'];
function assertNotGuarded(by: By, u: Raw) {
  if (by && GUARDED.includes(u.role)) throw forbidden(`${ROLE_LABELS[u.role]}的账号不能由系统管理员重置、停用或修改（三员分立），请在服务器上用 npx fazhi users 维护`);
}

async function assertOrgsInScope(db: Database, by: By, orgId: number, scopeOrgId: number) {
  const org = await getOrg(db, orgId);
  const scope = await getOrg(db, scopeOrgId);
  // The scope is where the user works or above it, never a branch beside it.
  if (!org.path.startsWith(scope.path)) throw badRequest('可查看范围须包含用户所在单位');
  if (by && !scope.path.startsWith(by.scopePath)) throw forbidden('不能把账号的范围设到您的管辖范围之外');
}

const ROLE_KEYS = () => Object.keys(ROLE_LABELS) as Role[];
function assertRole(role: string): asserts role is Role {
  if (!ROLE_KEYS().includes(role as Role)) throw badRequest(`角色应为：${ROLE_KEYS().join('、')}`);
}

// No 0/O, 1/l/I: a one-time password is read off a screen or a sheet of paper.
const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?'];

/** A random password that satisfies any policy the schema allows (every class, ≥ 14 characters). */
export function oneTimePassword(policy: SecurityPolicy): string {
  const length = Math.max(14, policy.passwordMinLength);
  const chars = SETS.map((set) => set[randomInt(set.length)]);
  const all = SETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

export interface NewUser {
  username: string;
  displayName: string;
  orgId: number;
  /** Only the local CLI sets these at creation; online the security administrator assigns them. */
  scopeOrgId?: number;
  role?: Role;
}

const ROLE_BY_SECADMIN = '角色和可查看范围由安全管理员分配（三员分立）：系统管理员新建的账号在分配角色前没有任何权限';

/** Creates an account with a one-time password, to be changed at first login. */
export async function createAccount(db: Database, by: By, input: NewUser): Promise<{ id: number; password: string }> {
  if (by) assertMayAdministerUsers(by);
  const role = input.role ?? 'none';
  assertRole(role);
  if (by && (role !== 'none' || (input.scopeOrgId !== undefined && input.scopeOrgId !== input.orgId))) throw forbidden(ROLE_BY_SECADMIN);
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(input.username)) throw badRequest('用户名为2至32位字母、数字、下划线、点或连字符');
  await assertOrgsInScope(db, by, input.orgId, input.scopeOrgId ?? input.orgId);
  const taken = await db.selectFrom('users').select('id').where(sql`lower(username)`, '=', input.username.toLowerCase()).executeTakeFirst();
  if (taken) throw conflict(`用户名「${input.username}」已被使用`);
  const password = oneTimePassword(await readPolicy(db));
  const id = await createUser(db, { ...input, role, password, mustChangePassword: true }, by?.id ?? null);
  return { id, password };
}

export interface UserChange {
  displayName?: string;
  orgId?: number;
  /** Only the local CLI changes these here; online they are assignRole's. */
  scopeOrgId?: number;
  role?: Role;
}

/**
 * The system administrator's edit: name and unit. A new unit must lie inside the scope the security
 * administrator set, so moving someone never widens what they may see.
 */
export async function updateAccount(db: Database, by: By, id: number, change: UserChange): Promise<UserRow> {
  const before = await target(db, by, id);
  assertNotGuarded(by, before);
  if (change.role !== undefined) assertRole(change.role);
  if (by && ((change.role !== undefined && change.role !== before.role) || (change.scopeOrgId !== undefined && change.scopeOrgId !== before.scope_org_id))) {
    throw forbidden(ROLE_BY_SECADMIN);
  }
  const orgId = change.orgId ?? before.org_id;
  const scopeOrgId = by ? before.scope_org_id : (change.scopeOrgId ?? (change.orgId !== undefined && before.scope_org_id === before.org_id ? orgId : before.scope_org_id));
  if (by && orgId !== before.org_id) {
    const org = await getOrg(db, orgId);
    if (!org.path.startsWith(before.scope_path)) throw badRequest(`新单位不在该账号的可查看范围「${before.scope_name}」内：请先由安全管理员调整可查看范围`);
  }
  await assertOrgsInScope(db, by, orgId, scopeOrgId);
  const role = change.role ?? before.role;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ display_name: change.displayName ?? before.display_name, org_id: orgId, scope_org_id: scopeOrgId, role }).where('id', '=', id).execute();
    await appendAudit(trx, {
      actorId: by?.id ?? null,
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: { displayName: before.display_name, orgId: before.org_id, scopeOrgId: before.scope_org_id, role: before.role },
      after: { displayName: change.displayName ?? before.display_name, orgId, scopeOrgId, role },
    });
  });
  return getAccount(db, by, id);
}

export interface RoleChange {
  role: Role;
  /** What the person may see: their unit or one above it; unchanged when not given. */
  scopeOrgId?: number;
}

/**
 * The security administrator's grant: role and scope, never their own. A role that takes no duties
 * drops the person's duties in the same step, so none linger for a later role.
 */
export async function assignRole(db: Database, by: By, id: number, change: RoleChange): Promise<UserRow> {
  const before = await target(db, by, id, assertMayAssignRoles);
  assertRole(change.role);
  if (by && id === by.id) throw forbidden('不能修改自己的角色或可查看范围（三员分立：须由另一位安全管理员分配）');
  const scopeOrgId = change.scopeOrgId ?? before.scope_org_id;
  await assertOrgsInScope(db, by, before.org_id, scopeOrgId);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ role: change.role, scope_org_id: scopeOrgId }).where('id', '=', id).execute();
    const dropped = ROLE_BUNDLES[change.role].takesDuties ? [] : await trx.deleteFrom('duties').where('user_id', '=', id).returning(['org_id', 'subject', 'actions']).execute();
    await appendAudit(trx, {
      actorId: by?.id ?? null,
      action: 'user.role',
      entity: 'user',
      entityId: id,
      before: { role: before.role, scopeOrgId: before.scope_org_id },
      after: { role: change.role, scopeOrgId, ...(dropped.length ? { dutiesRemoved: dropped.map((d) => ({ orgId: d.org_id, subject: d.subject, actions: d.actions })) } : {}) },
    });
  });
  return toRow(await target(db, null, id), await readPolicy(db), new Date());
}

export async function getAccount(db: Database, by: By, id: number, now = new Date()): Promise<UserRow> {
  return toRow(await target(db, by, id), await readPolicy(db), now);
}

/** Disabling ends the user's sessions at once; the account and its history stay. */
export async function setActive(db: Database, by: By, id: number, active: boolean): Promise<void> {
  const u = await target(db, by, id);
  if (by && id === by.id && !active) throw forbidden('不能停用自己的账号');
  assertNotGuarded(by, u);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ active }).where('id', '=', id).execute();
    if (!active) await endUserSessions(trx, id);
    await appendAudit(trx, { actorId: by?.id ?? null, action: active ? 'user.enable' : 'user.disable', entity: 'user', entityId: id, before: { active: u.active }, after: { active } });
  });
}

export async function unlockAccount(db: Database, by: By, id: number): Promise<void> {
  const u = await target(db, by, id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, failed_since: null, locked_until: null }).where('id', '=', id).execute();
    const addresses = await trx.deleteFrom('login_attempts').where('username', '=', u.username).where('locked_until', 'is not', null).returning('address').execute();
    await appendAudit(trx, { actorId: by?.id ?? null, action: 'user.unlock', entity: 'user', entityId: id, before: { lockedUntil: iso(u.locked_until), lockedAddresses: addresses.map((a) => a.address) } });
  });
}

/** A new one-time password (shown once), to be changed at next login; sessions end, the lock lifts. */
export async function resetPassword(db: Database, by: By, id: number): Promise<{ password: string }> {
  const u = await target(db, by, id);
  assertNotGuarded(by, u);
  const password = oneTimePassword(await readPolicy(db));
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: true, password_changed_at: new Date(), failed_logins: 0, failed_since: null, locked_until: null })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('login_attempts').where('username', '=', u.username).execute();
    await trx.insertInto('password_history').values({ user_id: id, password_hash: hash }).execute();
    await endUserSessions(trx, id);
    await appendAudit(trx, { actorId: by?.id ?? null, action: 'user.password_reset', entity: 'user', entityId: id });
  });
  return { password };
}

/** Recovery when the phone is lost: the user enrols again at next login (if required). */
export async function resetSecondFactor(db: Database, by: By, id: number): Promise<void> {
  const u = await target(db, by, id);
  assertNotGuarded(by, u);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null }).where('id', '=', id).execute();
    await endUserSessions(trx, id);
    await appendAudit(trx, { actorId: by?.id ?? null, action: 'user.totp_reset', entity: 'user', entityId: id, before: { totpEnabled: u.totp_secret !== null } });
  });
}

/**
 * The user's own change: the current password is checked (a wrong one counts toward the lock of
 * this address, as at login), the new one must meet the policy and differ from the last N; other sessions end.
 */
export async function changeOwnPassword(db: Database, actor: Actor, sessionId: number | null, current: string, next: string, now = new Date(), client: ClientInfo = {}): Promise<void> {
  const u = await db.selectFrom('users').select(['password_hash', 'locked_until']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (u.locked_until && new Date(u.locked_until) > now) throw new AppError(423, 'locked', '账号已锁定，请稍后再试或联系管理员解锁');
  const attempt = await reserveAddressAttempt(db, actor.username, client.ip, now);
  if (!(await verifyPassword(current, u.password_hash))) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, { actorId: actor.id, action: attempt.locked ? 'auth.locked' : 'auth.failed', entity: 'user', entityId: actor.id, after: { failed: attempt.failed, during: 'password_change', ip: client.ip ?? null } }),
    );
    if (attempt.locked) throw attempt.locked;
    throw badRequest('当前密码不正确');
  }
  await attempt.clear();
  const policy = await readPolicy(db);
  assertPasswordAcceptable(policy, next, actor.username);
  if (policy.passwordHistory > 0) {
    const recent = await db.selectFrom('password_history').select('password_hash').where('user_id', '=', actor.id).orderBy('id', 'desc').limit(policy.passwordHistory).execute();
    const hashes = [u.password_hash, ...recent.map((r) => r.password_hash)];
    for (const h of new Set(hashes)) {
      if (await verifyPassword(next, h)) throw badRequest(`新密码不能与最近${policy.passwordHistory}次使用过的密码相同`);
    }
  }
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: false, password_changed_at: now }).where('id', '=', actor.id).execute();
    await trx.insertInto('password_history').values({ user_id: actor.id, password_hash: hash }).execute();
    await endUserSessions(trx, actor.id, sessionId);
    await appendAudit(trx, { actorId: actor.id, action: 'user.password_change', entity: 'user', entityId: actor.id });
  });
}

/** The account as its owner sees it: second factor and password age. */
export async function ownAccount(db: Database, actor: Actor, now = new Date()) {
  const u = await db.selectFrom('users').select(['totp_secret', 'password_changed_at', 'must_change_password']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  const policy = await readPolicy(db);
  const expiresOn = policy.passwordExpiryDays > 0 ? new Date(new Date(u.password_changed_at).getTime() + policy.passwordExpiryDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10) : null;
  return {
    totpEnabled: u.totp_secret !== null,
    passwordChangedAt: iso(u.password_changed_at)!,
    passwordExpiresOn: expiresOn,
    mustChangePassword: u.must_change_password || passwordExpired(policy, u.password_changed_at, now),
    policy: { passwordMinLength: policy.passwordMinLength, passwordMinClasses: policy.passwordMinClasses, passwordHistory: policy.passwordHistory },
  };
}
