import { api } from '../../api/client';
import type { UserSummary } from '../../api/types';
import { parseMessage, type ChatMessage } from '../../lib/chatFrames';
import type { CursorPage } from '../../lib/paging';

// The chat REST endpoints (Gamgyul.Api/Chats/ChatEndpoints.cs) the pages use.

export interface ChatRoom {
  uuid: string;
  kind: 'direct' | 'group';
  name: string;
  owner: string | null;
  updated_at: string;
  last_message: ChatMessage | null;
  unread_count: number;
  last_read_message_id: string | null;
  members: { user: UserSummary; role: string; joined_at: string }[];
}

/** The room's name, or for a direct room (no name) the other members' names. */
export function roomTitle(room: ChatRoom, myHandle: string | undefined): string {
  if (room.name) return room.name;
  const others = room.members.filter((m) => m.user.handle !== myHandle).map((m) => m.user.username);
  return others.join(', ') || room.members.map((m) => m.user.username).join(', ');
}

export const getRoom = (uuid: string, signal?: AbortSignal) => api<ChatRoom>(`/chats/rooms/${uuid}/`, { signal });

/** Opens (or reuses) the direct room with one user. */
export const openDirectRoom = (handle: string) => api<ChatRoom>('/chats/rooms/', { method: 'POST', body: { handles: [handle] } });

/** A group room owned by the caller, with the other members by handle (see lib/chatGroups: groupRoomBody). */
export const createGroupRoom = (body: { handles: string[]; name: string }) => api<ChatRoom>('/chats/rooms/', { method: 'POST', body });

/** Owner only: a new name ('' clears it). */
export const renameRoom = (uuid: string, name: string) => api<ChatRoom>(`/chats/rooms/${uuid}/`, { method: 'PATCH', body: { name } });

/** Leaves the room; the Api hands ownership to the longest-standing member. */
export const leaveRoom = (uuid: string) => api<void>(`/chats/members/${uuid}/`, { method: 'DELETE' });

export const markRead = (uuid: string, messageId: string) => api<ChatRoom>(`/chats/rooms/${uuid}/read/`, { method: 'POST', body: { message_id: messageId } });

function parsePage(page: CursorPage<unknown>): CursorPage<ChatMessage> {
  return { ...page, results: page.results.map(parseMessage).filter((m): m is ChatMessage => m !== null) };
}

/** One page of history, newest first (cursor: older pages). */
export async function historyPage(uuid: string, cursor: string | undefined, signal?: AbortSignal): Promise<CursorPage<ChatMessage>> {
  const query = new URLSearchParams({ page_size: '30' });
  if (cursor) query.set('cursor', cursor);
  return parsePage(await api<CursorPage<unknown>>(`/chats/messages/${uuid}/messages/?${query}`, { signal }));
}

/**
 * Everything after a message, oldest first, following next links: what a reconnect missed. Bounded, so a tab
 * that slept for a week does not page forever; the page is then reloaded instead (the caller's fallback).
 */
export async function messagesAfter(uuid: string, afterId: string, maxPages = 10): Promise<{ messages: ChatMessage[]; complete: boolean }> {
  const messages: ChatMessage[] = [];
  let path: string | null = `/chats/messages/${uuid}/messages/?after=${afterId}&page_size=50`;
  for (let page = 0; path && page < maxPages; page++) {
    const result = parsePage(await api<CursorPage<unknown>>(path));
    messages.push(...result.results);
    path = result.next ? new URL(result.next, window.location.origin).pathname + new URL(result.next, window.location.origin).search : null;
  }
  return { messages, complete: path === null };
}
