import { useSession } from '../auth/session';
import { refreshWithRetry, sendWithRefresh, singleFlight, type RefreshOutcome } from './refresh';
import type { Problem } from './types';

/** A non-2xx answer, with the problem details the Api sent. */
export class ApiError extends Error {
  constructor(public readonly status: number, public readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The first message for a JSON field, for showing next to its input. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.[field]?.[0];
  }
}

const sessionEndedListeners = new Set<() => void>();

/** Runs when the session ends because it could not be renewed (the app clears caches and shows sign-in). */
export function onSessionExpired(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

async function tryRefresh(): Promise<RefreshOutcome> {
  try {
    // No body: the HttpOnly refresh_token cookie (Path=/accounts, same origin) carries the token.
    const response = await fetch('/accounts/token/refresh/', { method: 'POST', credentials: 'same-origin' });
    if (response.ok) {
      const body = (await response.json()) as { access: string };
      return { kind: 'ok', access: body.access };
    }
    return response.status === 429 || response.status >= 500 ? { kind: 'transient' } : { kind: 'rejected' };
  } catch {
    return { kind: 'transient' };
  }
}

/** Renews the access token through the cookie; parallel callers share one request. Null when it cannot. */
export const renewAccessToken = singleFlight(async () => {
  const outcome = await refreshWithRetry(tryRefresh, {
    retries: 2,
    backoff: { baseMs: 400, maxMs: 4000 },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  if (outcome.kind !== 'ok') return null;
  useSession.getState().setAccess(outcome.access);
  return outcome.access;
});

const tokens = {
  access: () => useSession.getState().access,
  refresh: renewAccessToken,
  signOut: () => {
    useSession.getState().signOut('expired');
    sessionEndedListeners.forEach((listener) => listener());
  },
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the Api (same origin) with the session's token; JSON in and out; throws ApiError on non-2xx. */
export async function api<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const response = await sendWithRefresh((access) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (access) headers.Authorization = `Bearer ${access}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  }, tokens);

  if (!response.ok) {
    let problem: Problem = { status: response.status };
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // A body that is not JSON (a proxy's error page): the status says enough.
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
