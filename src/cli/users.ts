import type { Kernel } from '../kernel/kernel.ts';
import type { Role } from '../kernel/db/schema.ts';
import { AppError, notFound } from '../kernel/errors.ts';
import { findOrg } from '../kernel/orgs.ts';
import { assignRole, createAccount, listUsers, resetPassword, resetSecondFactor, setActive, unlockAccount } from '../kernel/auth/accounts.ts';
import { initProduction } from '../kernel/auth/install.ts';
import { installKind } from '../kernel/auth/policy.ts';
import { demoExists } from '../demo/district.ts';

export interface UserCliOptions {
  admin?: string;
  secadmin?: string;
  auditor?: string;
  org?: string;
  short?: string;
  name?: string;
  role?: string;
  scope?: string;
  json?: boolean;
  'reset-totp'?: boolean;
}

const ONCE = '（仅显示这一次，请当面或以安全方式交给本人；首次登录须修改）';

/** `npx fazhi init --admin NAME --secadmin NAME --auditor NAME [--org 名称]`: a production install on an empty database. */
export async function initCommand(k: Kernel, o: UserCliOptions): Promise<number> {
  if (!o.admin) throw new AppError(400, 'bad_request', '用法：npx fazhi init --admin 用户名 --secadmin 用户名 --auditor 用户名 [--org 本级政府名称] [--short 简称] [--name 管理员姓名]');
  // A demo loaded before the install flag existed is recognised by its district.
  if ((await installKind(k.db)) === null && (await demoExists(k))) {
    throw new AppError(409, 'demo_install', '该数据库载有演示数据（虚构账号，密码已公开），不能作为正式环境。请使用新的空数据库（新的 DATA_DIR 或 DATABASE_URL）再运行 init');
  }
  const r = await initProduction(k.db, { admin: o.admin, secadmin: o.secadmin, auditor: o.auditor, orgName: o.org, orgShortName: o.short, displayName: o.name });
  console.log(`已初始化正式环境：${r.orgName}（无演示数据）`);
  console.log(`系统管理员 ${o.admin} 的一次性密码：${r.password}`);
  for (const u of r.others) console.log(`${u.role === 'secadmin' ? '安全管理员' : '审计管理员'} ${u.username} 的一次性密码：${u.password}`);
  console.log(ONCE);
  if (!o.secadmin || !o.auditor) {
    console.log('三员分立：系统管理员新建的账号须由安全管理员分配角色。请用 npx fazhi users add 用户名 --org 单位 --role secadmin（及 auditor）补建另外两员。');
  }
  console.log('已开启：管理员和领导登录须使用动态验证码（首次登录时用手机验证器绑定）');
  return 0;
}

async function userId(k: Kernel, username: string | undefined): Promise<number> {
  if (!username) throw new AppError(400, 'bad_request', '请指定用户名');
  const u = await k.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!u) throw notFound(`用户「${username}」`);
  return u.id;
}

const ROLES = 'none|admin|secadmin|auditor|clerk|leader';
const USAGE = `用法：npx fazhi users list [--json] | add 用户名 --org 单位 [--role ${ROLES}] [--name 姓名] [--scope 单位] | role 用户名 角色 [--scope 单位] | disable 用户名 | enable 用户名 | unlock 用户名 | passwd 用户名 [--reset-totp]`;

/**
 * Account administration from the shell: installing the three administrators and the recovery path.
 * Its operator holds the server and the database, so 三员分立 (enforced online) is not theirs to
 * get round here; every change is still in the audit trail with no actor, for the auditor to see.
 */
export async function usersCommand(k: Kernel, args: string[], o: UserCliOptions): Promise<number> {
  const [sub, username] = args;
  switch (sub) {
    case 'list': {
      const users = await listUsers(k.db, null);
      if (o.json) console.log(JSON.stringify(users, null, 2));
      else
        for (const u of users) {
          const flags = [!u.active && '已停用', u.locked && '已锁定', u.mustChangePassword && '待改密', u.totpEnabled && '已绑定验证器'].filter(Boolean).join('，');
          console.log(`${u.username.padEnd(12)} ${u.displayName}\t${u.roleLabel}\t${u.orgName}${flags ? `\t${flags}` : ''}`);
        }
      return 0;
    }
    case 'add': {
      if (!username || !o.org) throw new AppError(400, 'bad_request', USAGE);
      const org = await findOrg(k.db, o.org);
      const scope = o.scope ? await findOrg(k.db, o.scope) : org;
      const r = await createAccount(k.db, null, { username, displayName: o.name ?? username, orgId: org.id, scopeOrgId: scope.id, role: (o.role ?? 'none') as Role });
      console.log(`已创建用户 ${username}（${org.name}），一次性密码：${r.password}`);
      console.log(ONCE);
      if (!o.role || o.role === 'none') console.log('该账号尚未分配角色，登录后没有任何权限：请由安全管理员分配角色。');
      return 0;
    }
    case 'role': {
      const role = args[2];
      if (!username || !role) throw new AppError(400, 'bad_request', USAGE);
      const scope = o.scope ? await findOrg(k.db, o.scope) : undefined;
      const u = await assignRole(k.db, null, await userId(k, username), { role: role as Role, scopeOrgId: scope?.id });
      console.log(`已为用户 ${username} 分配角色：${u.roleLabel}，可查看范围：${u.scopeOrgName}`);
      return 0;
    }
    case 'disable':
    case 'enable':
      await setActive(k.db, null, await userId(k, username), sub === 'enable');
      console.log(`已${sub === 'enable' ? '启用' : '停用'}用户 ${username}`);
      return 0;
    case 'unlock':
      await unlockAccount(k.db, null, await userId(k, username));
      console.log(`已解除用户 ${username} 的登录锁定`);
      return 0;
    case 'passwd': {
      const id = await userId(k, username);
      const r = await resetPassword(k.db, null, id);
      if (o['reset-totp']) await resetSecondFactor(k.db, null, id);
      console.log(`已重置用户 ${username} 的密码${o['reset-totp'] ? '和动态验证码' : ''}，一次性密码：${r.password}`);
      console.log(ONCE);
      return 0;
    }
    default:
      throw new AppError(400, 'bad_request', USAGE);
  }
}
