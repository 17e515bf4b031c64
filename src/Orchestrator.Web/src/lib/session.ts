import { createContext, useContext } from 'react';
import type { Session } from './types';

export interface SessionState {
  session: Session;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The signed-in person; only inside the signed-in layout. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside a signed-in page');
  return state;
}

export function hasRole(session: Session, ...roles: string[]): boolean {
  return session.roles.includes('admin') || roles.some((role) => session.roles.includes(role));
}

/** What each role may do, as the server's policies decide it (admin may do everything). */
export const can = {
  approve: (s: Session) => hasRole(s, 'approver'),
  operate: (s: Session) => hasRole(s, 'developer'),
  audit: (s: Session) => hasRole(s),
  /** Opens the flow designer (draw, save, publish); developers may read and run flows there too. */
  design: (s: Session) => hasRole(s, 'analyst'),
  flows: (s: Session) => hasRole(s, 'analyst', 'developer'),
  run: (s: Session) => hasRole(s, 'analyst', 'developer'),
};
