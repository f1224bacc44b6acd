import { createContext, useContext } from 'react';
import type { Reply } from './api.ts';

/**
 * The signed-in user, as /api/auth/me answers it: duties say what the person handles (case types
 * `case:…` and capabilities, each in an org); `today` is the server's (China time), the default
 * date of every step; `mustChangePassword` leaves only the change-password page usable.
 */
export type Me = Reply<'/api/auth/me'>;

/** Whether any of the person's duties names this subject (and step): only which buttons to offer; the server decides. */
export const holds = (me: Me, subject: string, action?: string) => me.duties.some((d) => d.subject === subject && (!action || d.actions.includes('*') || d.actions.includes(action)));

export const SessionContext = createContext<Me | null>(null);
export const useMe = () => useContext(SessionContext)!;
