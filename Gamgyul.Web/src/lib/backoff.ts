// Exponential backoff with "full jitter": a random delay between 0 and min(max, base * 2^attempt),
// so many tabs that lost the server at once do not come back in lock-step. Used by the token refresh
// (and meant for the chat socket's reconnect).

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** The delay before retry number `attempt` (0 for the first retry); `random` returns [0, 1). */
export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
