import { createContext, useContext } from 'react';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  /** 'none': created by the system administrator, no role from the security administrator yet. */
  role: 'none' | 'admin' | 'secadmin' | 'auditor' | 'clerk' | 'leader';
  /** What this person handles: case types (case:…) and capabilities, each in an org. */
  duties: { orgId: number; orgName: string; subunits: boolean; subject: string; actions: string[] }[];
  roleLabel: string;
  orgId: number;
  orgName: string;
  scopeOrgId: number;
  /** The server's today (China time): the default date of every step. */
  today: string;
  /** Initial, reset or expired password: only the change-password page is usable. */
  mustChangePassword?: boolean;
}

/** Whether any of the person's duties names this subject (and step): only which buttons to offer; the server decides. */
export const holds = (me: Me, subject: string, action?: string) => me.duties.some((d) => d.subject === subject && (!action || d.actions.includes('*') || d.actions.includes(action)));

export const SessionContext = createContext<Me | null>(null);
export const useMe = () => useContext(SessionContext)!;
