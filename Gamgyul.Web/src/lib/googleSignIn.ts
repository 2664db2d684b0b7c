// Google sign-in by the authorization-code flow with a full-page redirect. The Api says whether Google is configured
// (GET /accounts/google/config/: client id, the provider's authorization endpoint, the redirect URI it will name when
// it redeems the code). The browser goes to the provider with a random `state` kept in sessionStorage; the callback
// page accepts the code only when the `state` that comes back is the one this tab sent (no login CSRF), once, and
// within a few minutes, then posts the code to POST /accounts/google/login/.

export interface GoogleConfig {
  client_id: string;
  authorization_endpoint: string;
  redirect_uri: string;
  scope: string;
}

/** The SPA's callback page; the Api's `Authentication:Google:RedirectUri` must be this path on the app's origin. */
export const GOOGLE_CALLBACK_PATH = '/auth/google/callback';
const STORAGE_KEY = 'gamgyul.google.state';
export const STATE_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * Whether this app can finish the flow: the redirect URI must come back to our own callback page (the Api's
 * default, Google's "postmessage" for popups, cannot). Otherwise the button is not shown.
 */
export function canRedirectHere(config: GoogleConfig, origin: string): boolean {
  try {
    const redirect = new URL(config.redirect_uri);
    const authorize = new URL(config.authorization_endpoint);
    return redirect.origin === origin && redirect.pathname === GOOGLE_CALLBACK_PATH
      && (authorize.protocol === 'https:' || authorize.protocol === 'http:') && config.client_id.length > 0;
  } catch {
    return false;
  }
}

/** 32 random bytes, base64url: unguessable, and safe in a URL. */
export function createState(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(32));
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The provider's authorization URL for the code flow (keeps any query the endpoint already has). */
export function authorizeUrl(config: GoogleConfig, state: string): string {
  const url = new URL(config.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.client_id);
  url.searchParams.set('redirect_uri', config.redirect_uri);
  url.searchParams.set('scope', config.scope || 'openid email profile');
  url.searchParams.set('state', state);
  url.searchParams.set('prompt', 'select_account');
  return url.toString();
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Keeps the state (and where to go afterwards) for this tab until the provider sends the user back. */
export function rememberState(storage: KeyValueStore, state: string, returnTo: string, now = Date.now()): void {
  storage.setItem(STORAGE_KEY, JSON.stringify({ state, returnTo, at: now }));
}

export type CallbackCheck =
  | { ok: true; code: string; returnTo: string }
  | { ok: false; reason: 'denied' | 'state' };

/**
 * Checks what the provider sent back against the remembered state, and forgets the state either way (one use).
 * `denied`: the provider reported an error (the user cancelled); `state`: missing, different, stale or no code.
 */
export function checkCallback(storage: KeyValueStore, search: string, now = Date.now()): CallbackCheck {
  const params = new URLSearchParams(search);
  const raw = storage.getItem(STORAGE_KEY);
  storage.removeItem(STORAGE_KEY);
  if (params.get('error')) return { ok: false, reason: 'denied' };
  const code = params.get('code');
  const state = params.get('state');
  const saved = parseSaved(raw);
  if (!code || !state || !saved || typeof saved.state !== 'string' || saved.state !== state) return { ok: false, reason: 'state' };
  if (typeof saved.at !== 'number' || now - saved.at > STATE_MAX_AGE_MS || now < saved.at) return { ok: false, reason: 'state' };
  const returnTo = typeof saved.returnTo === 'string' && saved.returnTo.startsWith('/') && !saved.returnTo.startsWith('//') ? saved.returnTo : '/';
  return { ok: true, code, returnTo };
}

function parseSaved(raw: string | null): { state?: unknown; returnTo?: unknown; at?: unknown } | null {
  try {
    const value: unknown = raw ? JSON.parse(raw) : null;
    return typeof value === 'object' && value !== null ? (value as { state?: unknown; returnTo?: unknown; at?: unknown }) : null;
  } catch {
    return null;
  }
}
