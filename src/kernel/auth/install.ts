import type { Database } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { createOrg, topOrg } from '../orgs.ts';
import { createAccount } from './accounts.ts';
import { installKind, markInstall, updatePolicy } from './policy.ts';

export const DEFAULT_INSTALL_ORG = '本级人民政府';

/** 简称 for 案号: the name without 人民政府 (青溪区人民政府 → 青溪区). */
export const shortNameOf = (name: string) => name.replace(/人民政府$/, '') || name;

/**
 * Makes an empty database a production install: no demo data, the three administrators of 三员分立
 * (system, security, audit; the last two when named) with one-time passwords, the second factor
 * compulsory for privileged users. Online, the system administrator then creates accounts and the
 * security administrator gives them roles. Refuses a database that holds anything already, above
 * all the demo (its accounts' password is published).
 */
export async function initProduction(
  db: Database,
  input: { admin: string; secadmin?: string; auditor?: string; orgName?: string; orgShortName?: string; displayName?: string },
): Promise<{ orgId: number; userId: number; password: string; orgName: string; others: { username: string; role: 'secadmin' | 'auditor'; password: string }[] }> {
  const kind = await installKind(db);
  if (kind === 'demo') throw new AppError(409, 'demo_install', '该数据库载有演示数据（虚构账号，密码已公开），不能作为正式环境。请使用新的空数据库（新的 DATA_DIR 或 DATABASE_URL）再运行 init');
  if (kind === 'production' || (await topOrg(db))) throw new AppError(409, 'already_initialised', '该数据库已有单位和账号，无需再次初始化；账号管理请用 npx fazhi users');
  const orgName = input.orgName?.trim() || DEFAULT_INSTALL_ORG;
  await db.transaction().execute((trx) => markInstall(trx, 'production'));
  await updatePolicy(db, null, { requireTotpForPrivileged: true });
  const org = await createOrg(db, { parentId: null, name: orgName, shortName: input.orgShortName?.trim() || shortNameOf(orgName), kind: 'government' });
  const { id, password } = await createAccount(db, null, { username: input.admin, displayName: input.displayName?.trim() || '系统管理员', orgId: org.id, scopeOrgId: org.id, role: 'admin' });
  const others = [];
  for (const [role, username, label] of [['secadmin', input.secadmin, '安全管理员'], ['auditor', input.auditor, '审计管理员']] as const) {
    if (!username) continue;
    const r = await createAccount(db, null, { username, displayName: label, orgId: org.id, scopeOrgId: org.id, role });
    others.push({ username, role, password: r.password });
  }
  return { orgId: org.id, userId: id, password, orgName, others };
}
