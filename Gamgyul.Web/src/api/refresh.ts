// How an expired access token is renewed, kept free of React and of fetch so it can be unit-tested.
// The original client had three bugs here: parallel 401s each started their own refresh (and the
// server rotates refresh tokens, so all but one failed), a failed refresh threw past the code that
// should have signed the user out (a dead login stayed on screen), and nothing retried a refresh that
// failed only because the network blinked.

import { backoffDelay, type BackoffOptions } from '../lib/backoff';

export type RefreshOutcome =
  | { kind: 'ok'; access: string }
  /** The server said no (401/400): the refresh token is gone, expired or revoked. */
  | { kind: 'rejected' }
  /** No answer, a 5xx or a 429: worth another try. */
  | { kind: 'transient' };

export interface RetryPolicy {
  retries: number;
  backoff: BackoffOptions;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Tries a refresh, retrying only transient failures, with backoff; a rejection ends it at once. */
export async function refreshWithRetry(attempt: () => Promise<RefreshOutcome>, policy: RetryPolicy): Promise<RefreshOutcome> {
  let outcome = await attempt();
  for (let retry = 0; outcome.kind === 'transient' && retry < policy.retries; retry++) {
    await policy.sleep(backoffDelay(retry, policy.backoff, policy.random));
    outcome = await attempt();
  }
  return outcome;
}

/** Calls that arrive while one is running share its promise: one refresh for many parallel 401s. */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
}

export interface TokenSource {
  /** The current access token, or null when signed out. */
  access(): string | null;
  /** A new access token, or null when the session cannot be renewed. */
  refresh(): Promise<string | null>;
  /** Ends the session for real: forget the user and show the sign-in page. */
  signOut(): void;
}

/**
 * Sends a request with the access token; on a 401 renews the token once and sends it again. When the
 * renewal fails, or the renewed token is refused too, the user is signed out: never a dead login.
 */
export async function sendWithRefresh(send: (access: string | null) => Promise<Response>, tokens: TokenSource): Promise<Response> {
  const used = tokens.access();
  const response = await send(used);
  if (response.status !== 401 || used === null) return response;

  // Another request may have renewed the token while this one was in flight.
  const current = tokens.access();
  const fresh = current !== null && current !== used ? current : await tokens.refresh();
  if (fresh === null) {
    tokens.signOut();
    return response;
  }

  const retried = await send(fresh);
  if (retried.status === 401) tokens.signOut();
  return retried;
}
