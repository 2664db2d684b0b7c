import type { MessageKey } from '../i18n/messages';

// The profile form's own checks, the same limits as the Api's (HandleRules, UserProfileRules), so most mistakes
// are said before a round trip; uniqueness of the handle and reserved words are the Api's to say.

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;
export const USERNAME_MAX = 30;
export const BIO_MAX = 500;

export interface ProfileFormValues {
  handle: string;
  username: string;
  bio: string;
}

/** Errors by the Api's field names (its problem details use the same), so its refusals land in the same places. */
export type ProfileFormErrors = Partial<Record<'handle' | 'username' | 'profile.bio' | 'profile.profile_image', MessageKey>>;

/** The body of PATCH /accounts/users/{handle}/: only what changed. */
export interface ProfilePatch {
  handle?: string;
  username?: string;
  profile?: { bio?: string; profile_image?: string };
}

export function validateProfileForm(values: ProfileFormValues): ProfileFormErrors {
  const errors: ProfileFormErrors = {};
  const handle = values.handle.trim();
  if (handle.length < HANDLE_MIN || handle.length > HANDLE_MAX || !/^[a-z0-9_.]+$/.test(handle)) errors.handle = 'profileEdit.handleRule';
  const username = values.username.trim();
  if (username === '') errors.username = 'profileEdit.usernameRequired';
  else if (username.length > USERNAME_MAX) errors.username = 'profileEdit.usernameLength';
  if (values.bio.trim().length > BIO_MAX) errors['profile.bio'] = 'profileEdit.bioLength';
  return errors;
}

/**
 * The PATCH body for what differs from the account as loaded; `avatar` is the reference of the chosen image ("" for
 * none), compared with the current image's URL. Null when nothing changed.
 */
export function profilePatch(
  before: { handle: string; username: string; bio: string; profileImage: string },
  values: ProfileFormValues,
  avatar: string,
): ProfilePatch | null {
  const patch: ProfilePatch = {};
  const handle = values.handle.trim();
  const username = values.username.trim();
  const bio = values.bio.trim();
  if (handle !== before.handle) patch.handle = handle;
  if (username !== before.username) patch.username = username;
  if (bio !== before.bio) patch.profile = { bio };
  if (avatar !== before.profileImage) patch.profile = { ...patch.profile, profile_image: avatar };
  return Object.keys(patch).length > 0 ? patch : null;
}
