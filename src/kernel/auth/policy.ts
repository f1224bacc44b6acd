import { z } from 'zod';
import type { Database } from '../db/connect.ts';
import { appendAudit } from '../audit/audit.ts';
import { badRequest } from '../errors.ts';

/**
 * The security policy is data (table system_settings, one row per key) so an administrator can
 * tighten it without a release. Keys not stored take the defaults below, which follow the usual
 * reading of GB/T 22239-2019 (等保2.0) 三级 for identity checks.
 */
export const securityPolicySchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64).meta({ title: '密码最短长度' }),
  passwordMinClasses: z.number().int().min(2).max(4).meta({ title: '至少包含的字符类别数（大写、小写、数字、符号）' }),
  passwordHistory: z.number().int().min(0).max(24).meta({ title: '不得与最近几次密码相同' }),
  passwordExpiryDays: z.number().int().min(0).max(3650).meta({ title: '密码有效期（天，0为不过期）' }),
  sessionIdleMinutes: z.number().int().min(5).max(720).meta({ title: '无操作自动退出（分钟）' }),
  sessionMaxHours: z.number().int().min(1).max(72).meta({ title: '会话最长有效期（小时）' }),
  requireTotpForPrivileged: z.boolean().meta({ title: '管理员和领导须使用动态验证码（双因素）' }),
  loginMaxFailures: z.number().int().min(3).max(10).meta({ title: '同一地址连续登录失败几次锁定' }),
  loginLockMinutes: z.number().int().min(5).max(1440).meta({ title: '登录锁定时长（分钟），也是账号整体计数的时间窗' }),
  accountMaxFailures: z.number().int().min(20).max(1000).meta({ title: '账号在所有地址累计失败几次整体锁定' }),
});
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const DEFAULT_POLICY: SecurityPolicy = {
  passwordMinLength: 10,
  passwordMinClasses: 3,
  passwordHistory: 5,
  passwordExpiryDays: 90,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  // Off unless set: the demo and upgraded installs keep working; `fazhi init` turns it on.
  requireTotpForPrivileged: false,
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  // One address gives at most 2 × loginMaxFailures in a window (its own lock stops it), so 50 takes at
  // least five addresses: a distributed attack, which the security administrator is told of.
  accountMaxFailures: 50,
};

/** Column-style key in system_settings for each policy field. */
const KEYS: Record<keyof SecurityPolicy, string> = {
  passwordMinLength: 'password_min_length',
  passwordMinClasses: 'password_min_classes',
  passwordHistory: 'password_history',
  passwordExpiryDays: 'password_expiry_days',
  sessionIdleMinutes: 'session_idle_minutes',
  sessionMaxHours: 'session_max_hours',
  requireTotpForPrivileged: 'require_totp_for_privileged',
  loginMaxFailures: 'login_max_failures',
  loginLockMinutes: 'login_lock_minutes',
  accountMaxFailures: 'account_max_failures',
};

// Read on every request; a short cache keeps that free. Writes in this process clear it at once,
// another process's (the CLI's) change shows within the TTL.
const CACHE_MS = 10_000;
const cache = new WeakMap<Database, { at: number; policy: SecurityPolicy }>();

export async function readPolicy(db: Database): Promise<SecurityPolicy> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.policy;
  const rows = await db.selectFrom('system_settings').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const policy = { ...DEFAULT_POLICY };
  for (const [field, key] of Object.entries(KEYS) as [keyof SecurityPolicy, string][]) {
    if (stored.has(key)) (policy as any)[field] = stored.get(key);
  }
  cache.set(db, { at: Date.now(), policy });
  return policy;
}

/** Stores the changed fields (validated) and audits before/after. actorId null: the local CLI. */
export async function updatePolicy(db: Database, actorId: number | null, change: Partial<SecurityPolicy>): Promise<SecurityPolicy> {
  const parsed = securityPolicySchema.partial().safeParse(change);
  if (!parsed.success) throw badRequest('安全策略取值超出允许范围');
  cache.delete(db);
  const before = await readPolicy(db);
  const after = { ...before, ...parsed.data };
  // The account-wide lock is for attacks from many addresses; at or below what one address can
  // reach in a window (twice its own threshold), a single guesser could lock the owner out.
  if (after.accountMaxFailures < 4 * after.loginMaxFailures) {
    throw badRequest(`账号整体锁定次数应不少于单一地址锁定次数的4倍（当前至少${4 * after.loginMaxFailures}次），否则一个地址就能把账号整体锁定`);
  }
  await db.transaction().execute(async (trx) => {
    for (const [field, value] of Object.entries(parsed.data) as [keyof SecurityPolicy, unknown][]) {
      await writeSetting(trx, KEYS[field], value, actorId);
    }
    await appendAudit(trx, { actorId, action: 'security.policy', entity: 'setting', entityId: 'security_policy', before, after });
  });
  cache.delete(db);
  return after;
}

async function writeSetting(trx: Database, key: string, value: unknown, actorId: number | null) {
  await trx
    .insertInto('system_settings')
    .values({ key, value: JSON.stringify(value), updated_by: actorId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: actorId, updated_at: new Date() }))
    .execute();
}

/**
 * What kind of install this database is: 'demo' (loaded by the demo loader, fictional accounts
 * with a published password) or 'production' (made by `fazhi init`). Each refuses the other.
 */
export type InstallKind = 'demo' | 'production';

export async function installKind(db: Database): Promise<InstallKind | null> {
  const r = await db.selectFrom('system_settings').select('value').where('key', '=', 'install_kind').executeTakeFirst();
  return (r?.value as InstallKind | undefined) ?? null;
}

export async function markInstall(trx: Database, kind: InstallKind): Promise<void> {
  await writeSetting(trx, 'install_kind', kind, null);
  await appendAudit(trx, { actorId: null, action: 'install.mark', entity: 'setting', entityId: 'install_kind', after: { kind } });
}

const CLASSES: [RegExp, string][] = [
  [/[A-Z]/, '大写字母'],
  [/[a-z]/, '小写字母'],
  [/[0-9]/, '数字'],
  [/[^A-Za-z0-9]/, '符号'],
];

/** Problems with a new password under the policy (empty when it is acceptable). */
export function passwordProblems(policy: SecurityPolicy, password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.passwordMinLength) problems.push(`密码至少${policy.passwordMinLength}位`);
  const present = CLASSES.filter(([re]) => re.test(password)).length;
  if (present < policy.passwordMinClasses) {
    problems.push(`密码须包含大写字母、小写字母、数字、符号中的至少${policy.passwordMinClasses}类（现有${present}类）`);
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}

export function assertPasswordAcceptable(policy: SecurityPolicy, password: string, username?: string): void {
  const problems = passwordProblems(policy, password, username);
  if (problems.length) throw badRequest(`新密码不符合密码策略：${problems.join('；')}`, { problems });
}
