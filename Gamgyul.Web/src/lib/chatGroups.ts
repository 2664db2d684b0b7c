// Pure rules of the group-room screens (Gamgyul.Api/Chats: CreateRoomRequest, UpdateRoomRequest, RoomChangeHandlers):
// who is picked for a new room, what a refusal means, and what the owner may do.

/** The Api's handle shape (HandleRules): what a typed "@handle" must look like before we ask for the profile. */
const HANDLE = /^[a-z0-9._]{3,30}$/;

/** A typed handle as the Api wants it ("@Gyul.Farm " -> "gyul.farm"), or null when it cannot be one. */
export function normalizeHandle(raw: string): string | null {
  const handle = raw.trim().replace(/^@/, '').toLowerCase();
  return HANDLE.test(handle) ? handle : null;
}

export interface Picked {
  handle: string;
  username: string;
}

/** The picked list after adding one user: never me, never twice, at most `max` (the Api's room limit minus me). */
export function addPicked(picked: readonly Picked[], user: Picked, me: string | undefined, max: number): Picked[] {
  if (user.handle === me || picked.some((p) => p.handle === user.handle) || picked.length >= max) return picked as Picked[];
  return [...picked, user];
}

/**
 * The body of POST /chats/rooms/ for a group. The Api opens the pair's direct room when it gets one handle and no
 * name, so a "group" of one other person is sent with a name (the two people's names if none was typed): the user
 * asked for a group, not the direct room.
 */
export function groupRoomBody(picked: readonly Picked[], name: string, myName: string): { handles: string[]; name: string } {
  const trimmed = name.trim();
  const fallback = [myName, ...picked.map((p) => p.username)].join(', ').slice(0, 100);
  return { handles: picked.map((p) => p.handle), name: trimmed || (picked.length === 1 ? fallback : '') };
}

/** Only the owner renames, adds or removes (others get 403 from the Api, so they are not offered it). */
export const canManage = (owner: string | null, me: string | undefined) => owner !== null && owner === me;

/** The i18n key that explains a chat gateway error code (the `error` frame). */
export function sendErrorKey(code: string | undefined):
  'chatSend.invalidImage' | 'chat.refused' | 'chatSend.tooLong' | 'chatSend.rateLimited' | 'chatSend.notMember' | 'chat.failedMaybe' | 'chat.failed' {
  switch (code) {
    case 'invalid_image': return 'chatSend.invalidImage';
    case 'blocked':
    case 'suspended': return 'chat.refused';
    case 'text_too_long':
    case 'frame_too_large': return 'chatSend.tooLong';
    case 'rate_limited': return 'chatSend.rateLimited';
    case 'not_member': return 'chatSend.notMember';
    case 'disconnected': return 'chat.failedMaybe';
    default: return 'chat.failed';
  }
}
