// The chat gateway's JSON frames (Gamgyul.Api/Chats/Gateway: ClientFrame.cs, ChatFrames.cs; README "Chat").
// Server frames are parsed without trusting them: anything malformed or unknown is null, never an exception,
// so one bad frame cannot break the socket's handler.

export interface ChatSender {
  handle: string;
  username: string;
  profile_image: string;
}

export interface ChatMessage {
  id: string;
  room_id: string;
  sender: ChatSender | null;
  kind: 'text' | 'system';
  text: string;
  created_at: string;
  images: string[];
  /** The images with their BlurHash placeholders and sizes (`image_details`), when the Api sent them. */
  imageDetails?: ChatImage[];
}

export interface ChatImage {
  url: string;
  placeholder: string | null;
  width: number | null;
  height: number | null;
}

const optionalNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null);

function parseImageDetails(value: unknown): ChatImage[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const detail = item as Record<string, unknown>;
    return typeof detail.url === 'string'
      ? [{ url: detail.url, placeholder: typeof detail.placeholder === 'string' ? detail.placeholder : null, width: optionalNumber(detail.width), height: optionalNumber(detail.height) }]
      : [];
  });
}

export type ServerFrame =
  | { type: 'message.new'; message: ChatMessage }
  | { type: 'message.ack'; client_msg_id: string | null; id: string; room_id: string; created_at: string }
  | { type: 'error'; code: string; detail: string; client_msg_id: string | null }
  | { type: 'read' | 'typing'; room_id: string; user: ChatSender; message_id: string | null; at: string }
  | { type: 'room.updated'; room_id: string; change: string }
  | { type: 'pong' };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const optionalString = (value: unknown): string | null => (isString(value) ? value : null);

function parseSender(value: unknown): ChatSender | null {
  if (!isObject(value) || !isString(value.handle)) return null;
  return { handle: value.handle, username: isString(value.username) ? value.username : value.handle, profile_image: optionalString(value.profile_image) ?? '' };
}

/** A message from a frame or from history; null when its id, room or time is missing. */
export function parseMessage(value: unknown): ChatMessage | null {
  if (!isObject(value) || !isString(value.id) || !isString(value.room_id) || !isString(value.created_at)) return null;
  return {
    id: value.id,
    room_id: value.room_id,
    sender: parseSender(value.sender),
    kind: value.kind === 'system' ? 'system' : 'text',
    text: isString(value.text) ? value.text : '',
    created_at: value.created_at,
    images: Array.isArray(value.images) ? value.images.filter(isString) : [],
    imageDetails: parseImageDetails(value.image_details),
  };
}

export function parseServerFrame(data: unknown): ServerFrame | null {
  if (!isString(data)) return null;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(frame) || !isString(frame.type)) return null;
  switch (frame.type) {
    case 'message.new': {
      const message = parseMessage(frame.message);
      return message && { type: 'message.new', message };
    }
    case 'message.ack':
      return isString(frame.id) && isString(frame.room_id) && isString(frame.created_at)
        ? { type: 'message.ack', client_msg_id: optionalString(frame.client_msg_id), id: frame.id, room_id: frame.room_id, created_at: frame.created_at }
        : null;
    case 'error':
      return { type: 'error', code: isString(frame.code) ? frame.code : 'unknown', detail: optionalString(frame.detail) ?? '', client_msg_id: optionalString(frame.client_msg_id) };
    case 'read':
    case 'typing': {
      const user = parseSender(frame.user);
      return user && isString(frame.room_id)
        ? { type: frame.type, room_id: frame.room_id, user, message_id: optionalString(frame.message_id), at: optionalString(frame.at) ?? '' }
        : null;
    }
    case 'room.updated':
      return isString(frame.room_id) ? { type: 'room.updated', room_id: frame.room_id, change: optionalString(frame.change) ?? 'updated' } : null;
    case 'pong':
      return { type: 'pong' };
    default:
      return null;
  }
}

/** A message to send; `imageId` is the media id of the sender's own ready upload with the purpose chat (at most one). */
export const sendFrame = (roomId: string, text: string, clientMsgId: string, imageId?: string) =>
  JSON.stringify({ type: 'message.send', room_id: roomId, text, client_msg_id: clientMsgId, ...(imageId ? { images: [imageId] } : {}) });
export const readFrame = (roomId: string, messageId: string) => JSON.stringify({ type: 'read', room_id: roomId, message_id: messageId });
export const typingFrame = (roomId: string) => JSON.stringify({ type: 'typing', room_id: roomId });
export const pingFrame = () => JSON.stringify({ type: 'ping' });
