import type { Role } from '../db/schema.ts';
import { assertCan, handles, ROLE_LABELS, type Duty } from './permissions.ts';

export { ROLE_LABELS };

/** Who is acting, with the org subtree they may see and their duties (loaded once per request). */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  orgPath: string;
  scopeOrgId: number;
  scopePath: string;
  duties: Duty[];
}

export const canSeeOrg = (actor: Actor, orgPath: string) => orgPath.startsWith(actor.scopePath);

/** User administration (系统管理员); kept for callers that predate permissions.ts. */
export function assertAdmin(actor: Actor): void {
  assertCan(actor, 'users.manage');
}

/**
 * Parties' personal data is shown only to people who handle that case type in the case's org
 * (a duty there); everyone else, leaders included, sees it masked.
 */
export const seesPersonalData = (actor: Actor, type: string, orgPath: string) => handles(actor, type, orgPath);
