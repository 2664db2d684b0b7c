import { Link } from 'react-router';
import type { UserSummary } from '../api/types';
import { Avatar } from './Avatar';

/** A user as one line of a list: avatar, name and handle, linking to the profile. */
export function UserRow({ user }: { user: UserSummary }) {
  return (
    <Link to={`/users/${user.handle}`} className="user-row" data-testid="user-row">
      <Avatar src={user.profile.profile_image} name={user.username} size="sm" />
      <span><strong>{user.username}</strong> <span className="muted">@{user.handle}</span></span>
    </Link>
  );
}
