import { backoffDelay, type BackoffOptions } from './backoff';
import type { Timers } from './debounce';

// One WebSocket that comes back by itself: after a drop it waits a jittered exponential delay (so a server
// restart is not met by every tab at the same millisecond), opens a new socket, and says it reconnected, so the
// chat can catch up on what it missed from history. A heartbeat (ping frame; any frame counts as an answer)
// notices sockets that died without a close, e.g. a phone that changed networks.

/** The part of the browser's WebSocket this class uses, so tests can hand it a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type SocketStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ReconnectingSocketOptions {
  /** Opens a socket; `failures` counts attempts since the last open (e.g. to renew the token first). Null stops for good. */
  open(failures: number): Promise<SocketLike | null>;
  onMessage(data: unknown): void;
  /** After each open; `reconnected` is false for the first one. */
  onOpen(reconnected: boolean): void;
  /** When an open socket is lost (before the next attempt is scheduled). */
  onDrop?(): void;
  onStatus?(status: SocketStatus): void;
  backoff?: BackoffOptions;
  heartbeat?: { intervalMs: number; timeoutMs: number; frame: string };
  timers?: Timers;
  random?: () => number;
}

const OPEN = 1;

export class ReconnectingSocket {
  private socket: SocketLike | null = null;
  private stopped = true;
  private failures = 0;
  private everOpened = false;
  private retryTimer: unknown;
  private heartbeatTimer: unknown;
  private deadlineTimer: unknown;
  private readonly timers: Timers;
  private readonly backoff: BackoffOptions;
  status: SocketStatus = 'closed';

  constructor(private readonly options: ReconnectingSocketOptions) {
    this.timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
    this.backoff = options.backoff ?? { baseMs: 500, maxMs: 15_000 };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    if (this.retryTimer !== undefined) this.timers.clear(this.retryTimer);
    this.retryTimer = undefined;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = socket.onmessage = socket.onerror = socket.onopen = null;
      socket.close(1000, 'bye');
    }
    this.setStatus('closed');
  }

  /** Writes a frame if a socket is open; false otherwise (the caller keeps it for later). */
  send(data: string): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(data);
    return true;
  }

  /** Skips the wait of a scheduled retry (e.g. the browser says it is online again). */
  retryNow(): void {
    if (this.stopped || this.retryTimer === undefined) return;
    this.timers.clear(this.retryTimer);
    this.retryTimer = undefined;
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.setStatus(this.everOpened ? 'reconnecting' : 'connecting');
    let socket: SocketLike | null;
    try {
      socket = await this.options.open(this.failures);
    } catch {
      // The token could not be renewed just now (offline?): count it as a failed attempt and try later.
      socket = null;
      if (!this.stopped) {
        this.failures++;
        this.scheduleRetry();
        return;
      }
    }
    if (this.stopped) {
      socket?.close(1000, 'bye');
      return;
    }
    if (!socket) {
      this.stopped = true;
      this.setStatus('closed');
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.failures = 0;
      this.setStatus('open');
      this.armHeartbeat();
      this.options.onOpen(reconnected);
    };
    socket.onmessage = (event) => {
      this.armHeartbeat();
      this.options.onMessage(event.data);
    };
    socket.onerror = () => {
      // A close always follows; that is where the retry happens.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      if (opened) this.options.onDrop?.();
      if (!opened) this.failures++;
      if (!this.stopped) this.scheduleRetry();
    };
  }

  private scheduleRetry(): void {
    this.setStatus(this.everOpened ? 'reconnecting' : 'connecting');
    const delay = backoffDelay(this.failures, this.backoff, this.options.random);
    this.retryTimer = this.timers.set(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
  }

  /** After every frame: ping after a quiet interval, and give the socket up if nothing comes back in time. */
  private armHeartbeat(): void {
    const heartbeat = this.options.heartbeat;
    if (!heartbeat) return;
    this.clearTimers();
    this.heartbeatTimer = this.timers.set(() => {
      if (!this.send(heartbeat.frame)) return;
      this.deadlineTimer = this.timers.set(() => {
        const socket = this.socket;
        // Closing a dead socket may take long to report; treat it as closed now.
        if (socket) {
          socket.onclose?.({ code: 4000 });
          socket.onclose = socket.onmessage = socket.onerror = socket.onopen = null;
          socket.close(4000, 'heartbeat timeout');
        }
      }, heartbeat.timeoutMs);
    }, heartbeat.intervalMs);
  }

  private clearTimers(): void {
    if (this.heartbeatTimer !== undefined) this.timers.clear(this.heartbeatTimer);
    if (this.deadlineTimer !== undefined) this.timers.clear(this.deadlineTimer);
    this.heartbeatTimer = this.deadlineTimer = undefined;
  }

  private setStatus(status: SocketStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }
}
