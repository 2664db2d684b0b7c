import type { ChatMessage } from './chatFrames';

// A room's messages as the page shows them: history pages (newest first), catch-up pages (oldest first) and live
// frames arrive in any order and may repeat (the sender hears its own message.new; catch-up after a reconnect
// overlaps what the socket already delivered). The timeline is each id once, oldest first. Message ids are
// UUIDv7 and times come from the server, so (created_at, id) is a total order.

export function compareMessages(a: ChatMessage, b: ChatMessage): number {
  const byTime = Date.parse(a.created_at) - Date.parse(b.created_at);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The union of both lists by id, oldest first; a later copy of a message (fresher image URLs) replaces an earlier one. */
export function mergeMessages(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[];
  const byId = new Map<string, ChatMessage>();
  for (const message of existing) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(compareMessages);
}

/** The newest message, whose id is where catch-up after a reconnect starts (?after=). */
export function newestMessage(messages: readonly ChatMessage[]): ChatMessage | undefined {
  return messages.length > 0 ? messages[messages.length - 1] : undefined;
}

/** A message the user wrote that the server has not acknowledged yet. */
export interface PendingMessage {
  clientMsgId: string;
  roomId: string;
  text: string;
  /** The photo sent with the text: the ready upload (media id for the frame, its own display URL and BlurHash to show meanwhile). */
  image?: PendingImage;
  /** queued: not written to a socket yet (sent once one opens); sent: written, waiting for message.ack; failed: the user may retry. */
  status: 'queued' | 'sent' | 'failed';
  error?: string;
}

export interface PendingImage {
  mediaId: string;
  url: string;
  placeholder: string | null;
  width: number | null;
  height: number | null;
}

export type PendingEvent =
  | { kind: 'wrote'; clientMsgId: string }
  | { kind: 'acked'; clientMsgId: string }
  | { kind: 'refused'; clientMsgId: string; code: string }
  | { kind: 'disconnected' }
  | { kind: 'retry'; clientMsgId: string };

/**
 * The pending list after an event. A message written to a socket that then dropped before its ack may or may not
 * have been stored, so it becomes failed (the user decides to resend) instead of being sent twice behind their
 * back; queued messages were never written and simply wait for the next socket.
 */
export function updatePending(pending: readonly PendingMessage[], event: PendingEvent): PendingMessage[] {
  switch (event.kind) {
    case 'wrote':
      return pending.map((p) => (p.clientMsgId === event.clientMsgId ? { ...p, status: 'sent' } : p));
    case 'acked':
      return pending.filter((p) => p.clientMsgId !== event.clientMsgId);
    case 'refused':
      return pending.map((p) => (p.clientMsgId === event.clientMsgId ? { ...p, status: 'failed', error: event.code } : p));
    case 'disconnected':
      return pending.map((p) => (p.status === 'sent' ? { ...p, status: 'failed', error: 'disconnected' } : p));
    case 'retry':
      return pending.map((p) => (p.clientMsgId === event.clientMsgId ? { ...p, status: 'queued', error: undefined } : p));
  }
}
