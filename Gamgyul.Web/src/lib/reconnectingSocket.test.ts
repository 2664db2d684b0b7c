import { describe, expect, it } from 'vitest';
import type { Timers } from './debounce';
import { ReconnectingSocket, type SocketLike } from './reconnectingSocket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  send(data: string) { this.sent.push(data); }
  close() { this.closed = true; this.readyState = 3; }
  open() { this.readyState = 1; this.onopen?.({}); }
  drop() { this.readyState = 3; this.onclose?.({ code: 1006 }); }
  receive(data: string) { this.onmessage?.({ data }); }
}

/** Timers run by hand, with the delays they were given recorded. */
class ManualTimers implements Timers {
  private next = 1;
  pending = new Map<number, { fn: () => void; ms: number }>();
  set(fn: () => void, ms: number) { const id = this.next++; this.pending.set(id, { fn, ms }); return id; }
  clear(handle: unknown) { this.pending.delete(handle as number); }
  delays() { return [...this.pending.values()].map((t) => t.ms); }
  runAll() { const due = [...this.pending.entries()]; this.pending.clear(); due.forEach(([, t]) => t.fn()); }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(heartbeat = false) {
  const sockets: FakeSocket[] = [];
  const failuresSeen: number[] = [];
  const opens: boolean[] = [];
  const messages: unknown[] = [];
  let drops = 0;
  const timers = new ManualTimers();
  const socket = new ReconnectingSocket({
    open: async (failures) => { failuresSeen.push(failures); const s = new FakeSocket(); sockets.push(s); return s; },
    onMessage: (data) => messages.push(data),
    onOpen: (reconnected) => opens.push(reconnected),
    onDrop: () => drops++,
    backoff: { baseMs: 100, maxMs: 1000 },
    heartbeat: heartbeat ? { intervalMs: 20_000, timeoutMs: 5000, frame: 'ping' } : undefined,
    timers,
    random: () => 0.999,
  });
  return { socket, sockets, failuresSeen, opens, messages, timers, drops: () => drops };
}

describe('ReconnectingSocket', () => {
  it('reconnects after a drop with growing, capped delays, and says the second open is a reconnect', async () => {
    const h = harness();
    h.socket.start();
    await flush();
    h.sockets[0].open();
    expect(h.opens).toEqual([false]);
    expect(h.socket.status).toBe('open');

    h.sockets[0].drop();
    expect(h.drops()).toBe(1);
    expect(h.socket.status).toBe('reconnecting');
    expect(h.timers.delays()).toEqual([99]);

    // Attempts that never open grow the delay: 100, 200, 400, 800, then the cap of 1000.
    const delays: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      h.timers.runAll();
      await flush();
      h.sockets[h.sockets.length - 1].drop();
      delays.push(...h.timers.delays());
    }
    expect(delays).toEqual([199, 399, 799, 999, 999]);
    expect(h.failuresSeen).toEqual([0, 0, 1, 2, 3, 4]);
    expect(h.drops()).toBe(1);

    h.timers.runAll();
    await flush();
    h.sockets[h.sockets.length - 1].open();
    expect(h.opens).toEqual([false, true]);
    // An open resets the backoff.
    h.sockets[h.sockets.length - 1].drop();
    expect(h.timers.delays()).toEqual([99]);
  });

  it('sends only while open, and stop closes without reconnecting', async () => {
    const h = harness();
    h.socket.start();
    await flush();
    expect(h.socket.send('early')).toBe(false);
    h.sockets[0].open();
    expect(h.socket.send('hello')).toBe(true);
    expect(h.sockets[0].sent).toEqual(['hello']);
    h.sockets[0].receive('{"type":"pong"}');
    expect(h.messages).toEqual(['{"type":"pong"}']);
    h.socket.stop();
    expect(h.sockets[0].closed).toBe(true);
    expect(h.socket.status).toBe('closed');
    expect(h.timers.pending.size).toBe(0);
  });

  it('gives up a silent socket after the heartbeat deadline and reconnects', async () => {
    const h = harness(true);
    h.socket.start();
    await flush();
    h.sockets[0].open();
    h.timers.runAll(); // quiet interval: ping
    expect(h.sockets[0].sent).toEqual(['ping']);
    h.timers.runAll(); // no answer in time
    expect(h.sockets[0].closed).toBe(true);
    expect(h.drops()).toBe(1);
    expect(h.socket.status).toBe('reconnecting');
  });

  it('stops for good when there is no session to open a socket with', async () => {
    const statuses: string[] = [];
    const socket = new ReconnectingSocket({ open: async () => null, onMessage: () => {}, onOpen: () => {}, onStatus: (s) => statuses.push(s) });
    socket.start();
    await flush();
    expect(statuses).toEqual(['connecting', 'closed']);
  });
});
