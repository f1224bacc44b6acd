import { can, type Permitted } from './permissions.ts';
import { forbidden } from '../errors.ts';

/*
 * Account administration and the second-factor rule, on the permissions of 三员分立:
 * accounts → the system administrator; roles, scopes, duties and policy → the security administrator.
 */

/** Create, edit, disable, unlock, reset passwords and second factors of other users (not their roles). */
export function assertMayAdministerUsers(actor: Permitted): void {
  if (!can(actor, 'users.manage')) throw forbidden('仅系统管理员可以管理用户账号');
}

/** Assign roles, scopes and duties (not create accounts or set passwords). */
export function assertMayAssignRoles(actor: Permitted): void {
  if (!can(actor, 'security.manage')) throw forbidden('仅安全管理员可以分配角色、可查看范围和职责');
}

/** Read and change the password, session and second-factor policy. */
export function assertMayAdministerSecurityPolicy(actor: Permitted): void {
  if (!can(actor, 'security.manage')) throw forbidden('仅安全管理员可以查看或修改安全策略');
}

/** What makes a person privileged under 等保三级: administering, approving or publishing. */
const PRIVILEGED = ['users.manage', 'security.manage', 'audit.verify', 'reports.approve', 'reports.submit', 'reports.publish', 'registers.publish', 'draws.commit', 'draws.run'];

/** Who must give a second factor at login when the policy requires it for privileged users. */
export const needsSecondFactor = (actor: Permitted): boolean => PRIVILEGED.some((p) => can(actor, p));
