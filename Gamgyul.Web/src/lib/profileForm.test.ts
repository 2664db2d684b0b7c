import { describe, expect, it } from 'vitest';
import { profilePatch, validateProfileForm } from './profileForm';

const before = { handle: 'gyul_farmer', username: '귤농부', bio: '제주에서 귤 키워요', profileImage: '' };
const values = { handle: before.handle, username: before.username, bio: before.bio };

describe('profile form', () => {
  it('accepts what the Api accepts', () => {
    expect(validateProfileForm(values)).toEqual({});
    expect(validateProfileForm({ ...values, handle: 'a.b_9' })).toEqual({});
  });

  it('applies the handle rule (3-30 of a-z 0-9 _ .)', () => {
    for (const handle of ['ab', 'Gyul', '귤농부', 'with space', 'x'.repeat(31)]) {
      expect(validateProfileForm({ ...values, handle }).handle).toBe('profileEdit.handleRule');
    }
  });

  it('wants a name of at most 30 characters and an about of at most 500', () => {
    expect(validateProfileForm({ ...values, username: '   ' }).username).toBe('profileEdit.usernameRequired');
    expect(validateProfileForm({ ...values, username: 'x'.repeat(31) }).username).toBe('profileEdit.usernameLength');
    expect(validateProfileForm({ ...values, bio: 'x'.repeat(501) })['profile.bio']).toBe('profileEdit.bioLength');
  });

  it('patches only what changed, and nothing when nothing did', () => {
    expect(profilePatch(before, values, '')).toBeNull();
    expect(profilePatch(before, { ...values, username: ' 귤부자 ' }, '')).toEqual({ username: '귤부자' });
    expect(profilePatch(before, { ...values, handle: 'new_gyul', bio: '' }, '')).toEqual({ handle: 'new_gyul', profile: { bio: '' } });
    expect(profilePatch(before, values, 'media-id')).toEqual({ profile: { profile_image: 'media-id' } });
    expect(profilePatch({ ...before, profileImage: 'https://x/images/a/display/' }, values, '')).toEqual({ profile: { profile_image: '' } });
  });
});
