import { describe, expect, it } from 'vitest';
import { authorizeUrl, canRedirectHere, checkCallback, createState, rememberState, STATE_MAX_AGE_MS, type GoogleConfig } from './googleSignIn';

const config: GoogleConfig = {
  client_id: 'client-1',
  authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  redirect_uri: 'https://gamgyul.example/auth/google/callback',
  scope: 'openid email profile',
};

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => { map.set(k, v); },
    removeItem: (k: string) => { map.delete(k); },
    size: () => map.size,
  };
}

describe('Google sign-in', () => {
  it('shows the button only when the redirect comes back to this app\'s callback page', () => {
    expect(canRedirectHere(config, 'https://gamgyul.example')).toBe(true);
    expect(canRedirectHere(config, 'https://other.example')).toBe(false);
    expect(canRedirectHere({ ...config, redirect_uri: 'postmessage' }, 'https://gamgyul.example')).toBe(false);
    expect(canRedirectHere({ ...config, redirect_uri: 'https://gamgyul.example/login' }, 'https://gamgyul.example')).toBe(false);
    expect(canRedirectHere({ ...config, authorization_endpoint: 'javascript:alert(1)' }, 'https://gamgyul.example')).toBe(false);
  });

  it('makes unguessable URL-safe states', () => {
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createState()).not.toBe(state);
    expect(createState((b) => b.fill(255))).toBe('_'.repeat(42) + '8');
  });

  it('builds the code-flow URL with the client, redirect, scope and state', () => {
    const url = new URL(authorizeUrl({ ...config, authorization_endpoint: 'https://idp.example/authorize?hd=example.com' }, 's1'));
    expect(url.origin + url.pathname).toBe('https://idp.example/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      hd: 'example.com', response_type: 'code', client_id: 'client-1', redirect_uri: config.redirect_uri,
      scope: 'openid email profile', state: 's1', prompt: 'select_account',
    });
  });

  it('accepts the code once, only with the state this tab sent', () => {
    const storage = memoryStorage();
    rememberState(storage, 'good', '/messages', 1000);
    expect(checkCallback(storage, '?code=c1&state=good', 2000)).toEqual({ ok: true, code: 'c1', returnTo: '/messages' });
    // Replayed: the state is gone.
    expect(checkCallback(storage, '?code=c1&state=good', 2000)).toEqual({ ok: false, reason: 'state' });
    expect(storage.size()).toBe(0);
  });

  it('refuses a different, missing or stale state, and reports a cancelled sign-in', () => {
    const storage = memoryStorage();
    rememberState(storage, 'good', '/', 1000);
    expect(checkCallback(storage, '?code=c1&state=evil', 2000)).toEqual({ ok: false, reason: 'state' });
    expect(checkCallback(storage, '?code=c1&state=good', 2000)).toEqual({ ok: false, reason: 'state' });
    rememberState(storage, 'good', '/', 1000);
    expect(checkCallback(storage, '?code=c1&state=good', 1000 + STATE_MAX_AGE_MS + 1)).toEqual({ ok: false, reason: 'state' });
    rememberState(storage, 'good', '/', 1000);
    expect(checkCallback(storage, '?state=good', 2000)).toEqual({ ok: false, reason: 'state' });
    rememberState(storage, 'good', '/', 1000);
    expect(checkCallback(storage, '?error=access_denied&state=good', 2000)).toEqual({ ok: false, reason: 'denied' });
  });

  it('never returns to another site after signing in', () => {
    const storage = memoryStorage();
    rememberState(storage, 'good', '//evil.example/x', 1000);
    expect(checkCallback(storage, '?code=c1&state=good', 2000)).toEqual({ ok: true, code: 'c1', returnTo: '/' });
  });
});
