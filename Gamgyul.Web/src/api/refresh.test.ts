import { describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../lib/backoff';
import { refreshWithRetry, sendWithRefresh, singleFlight, type RefreshOutcome, type TokenSource } from './refresh';

const status = (code: number) => new Response(null, { status: code });

function tokens(initial: string | null, renewed: string | null) {
  let access = initial;
  const source: TokenSource & { signOut: ReturnType<typeof vi.fn>; refresh: ReturnType<typeof vi.fn> } = {
    access: () => access,
    refresh: vi.fn(async () => {
      access = renewed;
      return renewed;
    }),
    signOut: vi.fn(() => {
      access = null;
    }),
  };
  return source;
}

describe('sendWithRefresh', () => {
  it('renews the token once on a 401 and sends the request again with the new token', async () => {
    const source = tokens('old', 'new');
    const send = vi.fn(async (access: string | null) => status(access === 'new' ? 200 : 401));
    const response = await sendWithRefresh(send, source);
    expect(response.status).toBe(200);
    expect(send.mock.calls.map((c) => c[0])).toEqual(['old', 'new']);
    expect(source.refresh).toHaveBeenCalledTimes(1);
    expect(source.signOut).not.toHaveBeenCalled();
  });

  it('signs the user out when the refresh fails, and does not resend', async () => {
    const source = tokens('old', null);
    const send = vi.fn(async () => status(401));
    const response = await sendWithRefresh(send, source);
    expect(response.status).toBe(401);
    expect(send).toHaveBeenCalledTimes(1);
    expect(source.signOut).toHaveBeenCalledTimes(1);
    expect(source.access()).toBeNull();
  });

  it('signs out when the renewed token is refused too, without looping', async () => {
    const source = tokens('old', 'new');
    const send = vi.fn(async () => status(401));
    await sendWithRefresh(send, source);
    expect(send).toHaveBeenCalledTimes(2);
    expect(source.signOut).toHaveBeenCalledTimes(1);
  });

  it('does not try to refresh for an anonymous caller', async () => {
    const source = tokens(null, 'new');
    const send = vi.fn(async () => status(401));
    await sendWithRefresh(send, source);
    expect(source.refresh).not.toHaveBeenCalled();
    expect(source.signOut).not.toHaveBeenCalled();
  });

  it('leaves other errors alone', async () => {
    const source = tokens('old', 'new');
    const response = await sendWithRefresh(async () => status(403), source);
    expect(response.status).toBe(403);
    expect(source.refresh).not.toHaveBeenCalled();
  });
});

describe('singleFlight', () => {
  it('lets parallel callers share one refresh, and starts a new one afterwards', async () => {
    let release!: (value: string) => void;
    const run = vi.fn(() => new Promise<string>((resolve) => { release = resolve; }));
    const refresh = singleFlight(run);
    const first = refresh();
    const second = refresh();
    release('token-1');
    expect(await Promise.all([first, second])).toEqual(['token-1', 'token-1']);
    expect(run).toHaveBeenCalledTimes(1);

    const third = refresh();
    release('token-2');
    expect(await third).toBe('token-2');
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe('refreshWithRetry', () => {
  const policy = (sleeps: number[]) => ({
    retries: 3,
    backoff: { baseMs: 100, maxMs: 1000 },
    sleep: async (ms: number) => { sleeps.push(ms); },
    random: () => 0.5,
  });

  it('retries transient failures with growing delays until one succeeds', async () => {
    const outcomes: RefreshOutcome[] = [{ kind: 'transient' }, { kind: 'transient' }, { kind: 'ok', access: 't' }];
    const sleeps: number[] = [];
    const result = await refreshWithRetry(async () => outcomes.shift()!, policy(sleeps));
    expect(result).toEqual({ kind: 'ok', access: 't' });
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up after the configured retries', async () => {
    const attempt = vi.fn(async (): Promise<RefreshOutcome> => ({ kind: 'transient' }));
    const sleeps: number[] = [];
    expect(await refreshWithRetry(attempt, policy(sleeps))).toEqual({ kind: 'transient' });
    expect(attempt).toHaveBeenCalledTimes(4);
    expect(sleeps).toHaveLength(3);
  });

  it('never retries a rejection', async () => {
    const attempt = vi.fn(async (): Promise<RefreshOutcome> => ({ kind: 'rejected' }));
    const sleeps: number[] = [];
    expect(await refreshWithRetry(attempt, policy(sleeps))).toEqual({ kind: 'rejected' });
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(sleeps).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('doubles the ceiling each attempt and caps it', () => {
    const top = () => 0.999999;
    const options = { baseMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, options, top))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('spreads delays between zero and the ceiling', () => {
    expect(backoffDelay(2, { baseMs: 100, maxMs: 1000 }, () => 0)).toBe(0);
    expect(backoffDelay(2, { baseMs: 100, maxMs: 1000 }, () => 0.25)).toBe(100);
  });
});
