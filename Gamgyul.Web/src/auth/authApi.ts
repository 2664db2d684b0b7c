import { api, renewAccessToken } from '../api/client';
import type { Me, Session } from '../api/types';
import { useSession } from './session';

async function startSession(session: Session): Promise<void> {
  useSession.getState().setAccess(session.access);
  const me = await api<Me>('/accounts/me/');
  useSession.getState().signIn(session.access, me);
}

export async function logIn(email: string, password: string): Promise<void> {
  await startSession(await api<Session>('/accounts/login/', { method: 'POST', body: { email, password } }));
}

/** Signs in with the authorization code Google sent back (the Api redeems it with its own redirect URI). */
export async function logInWithGoogle(code: string): Promise<void> {
  await startSession(await api<Session>('/accounts/google/login/', { method: 'POST', body: { code } }));
}

export async function signUp(email: string, username: string, password: string): Promise<void> {
  await startSession(await api<Session>('/accounts/registration/', {
    method: 'POST',
    body: { email, username, password1: password, password2: password },
  }));
}

/** Revokes the refresh token on the server (awaited, unlike the original) and forgets the session. */
export async function logOut(): Promise<void> {
  try {
    await fetch('/accounts/logout/', { method: 'POST', credentials: 'same-origin' });
  } finally {
    useSession.getState().signOut();
  }
}

/** At start-up: a refresh cookie from an earlier visit signs the user in again; otherwise signed out. */
export async function restoreSession(): Promise<void> {
  const access = await renewAccessToken();
  if (access === null) {
    useSession.getState().signOut();
    return;
  }
  try {
    const me = await api<Me>('/accounts/me/');
    useSession.getState().signIn(useSession.getState().access ?? access, me);
  } catch {
    useSession.getState().signOut();
  }
}
