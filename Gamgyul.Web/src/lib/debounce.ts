// A trailing-edge debouncer: only the last call within `delayMs` runs. The search box uses it (through
// useDebouncedValue) so that typing "감귤농장" asks the Api once, not once per keystroke.

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Drops a pending call. */
  cancel(): void;
  /** Runs a pending call now (e.g. on Enter). */
  flush(): void;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, delayMs: number, timers: Timers = realTimers): Debounced<A> {
  let handle: unknown;
  let pending: A | null = null;
  const run = () => {
    handle = undefined;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const debounced = ((...args: A) => {
    pending = args;
    if (handle !== undefined) timers.clear(handle);
    handle = timers.set(run, delayMs);
  }) as Debounced<A>;
  debounced.cancel = () => {
    if (handle !== undefined) timers.clear(handle);
    handle = undefined;
    pending = null;
  };
  debounced.flush = () => {
    if (handle !== undefined) timers.clear(handle);
    run();
  };
  return debounced;
}
