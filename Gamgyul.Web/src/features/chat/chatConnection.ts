import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { renewAccessToken } from '../../api/client';
import { useSession } from '../../auth/session';
import { parseServerFrame, pingFrame, type ServerFrame } from '../../lib/chatFrames';
import { ReconnectingSocket, type SocketLike, type SocketStatus } from '../../lib/reconnectingSocket';

// One chat socket for the whole tab, open while any chat page is on screen: the gateway delivers every room of
// the user on one socket, so the room list's badges and the open room share it. The token goes as the
// subprotocol after "bearer" (browsers cannot set Authorization on a WebSocket, and a query string lands in
// access logs). A socket that never opened may have met an expired token, so the next attempt renews it first.

export const useChatStatus = create<{ status: SocketStatus }>(() => ({ status: 'closed' }));

type FrameListener = (frame: ServerFrame) => void;
interface Subscriber {
  onFrame: FrameListener;
  onReconnect?(): void;
  onDrop?(): void;
}

const subscribers = new Set<Subscriber>();
let socket: ReconnectingSocket | null = null;

async function openSocket(failures: number): Promise<SocketLike | null> {
  if (failures > 0) await renewAccessToken();
  const session = useSession.getState();
  if (session.status === 'signedOut' || !session.access) {
    // Signed out for real: stop. A token that could not be renewed right now (offline): try again later.
    if (session.status === 'signedOut') return null;
    throw new Error('no access token yet');
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return new WebSocket(`${scheme}://${window.location.host}/chats/ws/`, ['bearer', session.access]) as unknown as SocketLike;
}

function acquire(subscriber: Subscriber): () => void {
  subscribers.add(subscriber);
  if (!socket) {
    socket = new ReconnectingSocket({
      open: openSocket,
      onMessage: (data) => {
        const frame = parseServerFrame(data);
        if (frame) subscribers.forEach((s) => s.onFrame(frame));
      },
      onOpen: (reconnected) => {
        if (reconnected) subscribers.forEach((s) => s.onReconnect?.());
      },
      onDrop: () => subscribers.forEach((s) => s.onDrop?.()),
      onStatus: (status) => useChatStatus.setState({ status }),
      heartbeat: { intervalMs: 25_000, timeoutMs: 10_000, frame: pingFrame() },
    });
    socket.start();
  }
  return () => {
    subscribers.delete(subscriber);
    // Leaving chat for another page closes the socket; coming back opens a fresh one (and the pages refetch).
    if (subscribers.size === 0 && socket) {
      socket.stop();
      socket = null;
    }
  };
}

/** Writes a frame now; false when no socket is open. */
export function sendChatFrame(frame: string): boolean {
  return socket?.send(frame) ?? false;
}

if (typeof window !== 'undefined') {
  // Back online: do not sit out the rest of a backoff delay.
  window.addEventListener('online', () => socket?.retryNow());
  useSession.subscribe((state) => {
    if (state.status === 'signedOut' && socket) {
      socket.stop();
      socket = null;
    }
  });
}

/** Keeps the chat socket open while the calling component is mounted, and hands it every frame. */
export function useChatSocket(onFrame: FrameListener, handlers: { onReconnect?(): void; onDrop?(): void } = {}) {
  const latest = useRef({ onFrame, ...handlers });
  latest.current = { onFrame, ...handlers };
  const signedIn = useSession((s) => s.status === 'signedIn');
  useEffect(() => {
    if (!signedIn) return;
    return acquire({
      onFrame: (frame) => latest.current.onFrame(frame),
      onReconnect: () => latest.current.onReconnect?.(),
      onDrop: () => latest.current.onDrop?.(),
    });
  }, [signedIn]);
}
