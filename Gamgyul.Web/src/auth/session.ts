import { create } from 'zustand';
import type { Me } from '../api/types';

// The session lives in memory only: the access token is never written to localStorage (where any
// injected script could read it); a reload renews it through the HttpOnly refresh cookie.

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

interface SessionState {
  status: SessionStatus;
  access: string | null;
  user: Me | null;
  /** Why the last session ended, shown once on the sign-in page. */
  endedReason: 'expired' | null;
  signIn(access: string, user: Me): void;
  setAccess(access: string): void;
  signOut(reason?: 'expired'): void;
}

export const useSession = create<SessionState>((set) => ({
  status: 'loading',
  access: null,
  user: null,
  endedReason: null,
  signIn: (access, user) => set({ status: 'signedIn', access, user, endedReason: null }),
  setAccess: (access) => set({ access }),
  signOut: (reason) => set({ status: 'signedOut', access: null, user: null, endedReason: reason ?? null }),
}));
