import { createContext, useContext } from 'react';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'clerk' | 'leader';
  roleLabel: string;
  orgId: number;
  orgName: string;
  scopeOrgId: number;
  /** The server's today (China time): the default date of every step. */
  today: string;
}

export const SessionContext = createContext<Me | null>(null);
export const useMe = () => useContext(SessionContext)!;
