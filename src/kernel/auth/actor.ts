import type { Role } from '../db/schema.ts';
import { forbidden } from '../errors.ts';

/** Who is acting, with the org subtree they may see. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  /** Path of the org the user works in: personal data is shown only for cases there. */
  orgPath: string;
  scopeOrgId: number;
  scopePath: string;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员（依法治区办/司法局）',
  clerk: '经办人员',
  leader: '领导（只读）',
};

export const canSeeOrg = (actor: Actor, orgPath: string) => orgPath.startsWith(actor.scopePath);

/** A leader sees but never changes; everybody else acts within their subtree. */
export function assertCanAct(actor: Actor, orgPath: string): void {
  if (!canSeeOrg(actor, orgPath)) throw forbidden('该单位不在您的管辖范围内');
  if (actor.role === 'leader') throw forbidden('领导账号为只读，不能办理或修改');
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('仅管理员可执行此操作');
}

/**
 * Parties' personal data is shown only to staff of the org handling the case (or above it in
 * their own line): an admin overseeing the district sees other departments' cases masked.
 */
export const seesPersonalData = (actor: Actor, orgPath: string) => actor.role !== 'leader' && canSeeOrg(actor, orgPath) && orgPath.startsWith(actor.orgPath);
