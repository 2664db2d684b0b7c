import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { FollowEntry, Post, Product, PublicUser } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { InfiniteList } from '../../ui/InfiniteList';
import { ErrorState, Spinner } from '../../ui/States';
import { Tabs } from '../../ui/Tabs';
import { UserRow } from '../../ui/UserRow';
import { openDirectRoom } from '../chat/chatApi';
import { PostCard } from '../posts/PostCard';
import { ProductCard } from '../products/ProductCard';
import { ReportButton } from '../reports/ReportDialog';

type ProfileTab = 'posts' | 'products' | 'liked' | 'followers' | 'following';

export default function ProfilePage() {
  const t = useT();
  const handle = useParams().handle ?? '';
  const me = useSession((s) => s.user);
  const status = useSession((s) => s.status);
  const [tab, setTab] = useState<ProfileTab>('posts');
  const user = useQuery({
    queryKey: ['user', handle, status],
    enabled: status !== 'loading',
    queryFn: ({ signal }) => api<PublicUser>(`/accounts/users/${encodeURIComponent(handle)}/`, { signal }),
  });

  if (user.isPending) return <Spinner />;
  if (user.isError) {
    const missing = user.error instanceof ApiError && user.error.status === 404;
    return <ErrorState message={missing ? t('common.notFound') : undefined} onRetry={missing ? undefined : () => user.refetch()} />;
  }

  const own = me?.handle === user.data.handle;
  return (
    <section className="page">
      <header className="profile">
        <Avatar src={user.data.profile.profile_image} name={user.data.username} size="lg" />
        <div className="profile__info">
          <h1 className="profile__name">{user.data.username}</h1>
          <p className="muted">@{user.data.handle}</p>
          <p className="profile__counts">
            <span>{t('profile.followers', { count: user.data.followers_count })}</span>
            <span>{t('profile.following', { count: user.data.follows_count })}</span>
          </p>
          {user.data.profile.bio && <p className="profile__bio">{user.data.profile.bio}</p>}
          {own && (
            <div className="profile__actions">
              <Link to="/settings/profile" className="btn btn--secondary btn--sm">{t('profile.edit')}</Link>
            </div>
          )}
          {!own && (
            <div className="profile__actions">
              <FollowButton user={user.data} />
              <MessageButton handle={user.data.handle} />
              <ReportButton targetType="user" targetId={user.data.uuid} />
            </div>
          )}
        </div>
      </header>
      <Tabs<ProfileTab> label={user.data.username} value={tab} onChange={setTab} tabs={[
        { id: 'posts', label: t('profile.posts') },
        { id: 'products', label: t('profile.products') },
        // The Api lists liked posts to signed-in users only.
        ...(status === 'signedIn' ? [{ id: 'liked' as const, label: t('profile.liked') }] : []),
        { id: 'followers', label: t('profile.followers', { count: user.data.followers_count }) },
        { id: 'following', label: t('profile.following', { count: user.data.follows_count }) },
      ]} />
      {tab === 'posts' && <UserPosts handle={handle} />}
      {tab === 'products' && <UserProducts handle={handle} />}
      {tab === 'liked' && status === 'signedIn' && <LikedPosts handle={handle} />}
      {tab === 'followers' && <FollowList handle={handle} kind="followers" />}
      {tab === 'following' && <FollowList handle={handle} kind="follows" />}
    </section>
  );
}

function FollowButton({ user }: { user: PublicUser }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signedIn = useSession((s) => s.status === 'signedIn');
  const toggle = useMutation({
    mutationFn: () => user.is_following
      ? api(`/follows/${encodeURIComponent(user.handle)}/unfollow/`, { method: 'DELETE' })
      : api('/follows/', { method: 'POST', body: { handle: user.handle } }),
    // The page shows the Api's counts and flag, so it waits for them instead of guessing.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['user', user.handle] }),
  });
  return (
    <Button variant={user.is_following ? 'secondary' : 'primary'} size="sm" pending={toggle.isPending}
      onClick={() => (signedIn ? toggle.mutate() : navigate('/login'))}>
      {user.is_following ? t('profile.unfollow') : t('profile.follow')}
    </Button>
  );
}

/** Opens (or reuses) the direct room with this user and goes there; refusals (privacy settings, blocks) are said. */
function MessageButton({ handle }: { handle: string }) {
  const t = useT();
  const navigate = useNavigate();
  const signedIn = useSession((s) => s.status === 'signedIn');
  const open = useMutation({
    mutationFn: () => openDirectRoom(handle),
    onSuccess: (room) => navigate(`/messages/${room.uuid}`),
  });
  return (
    <>
      <Button variant="secondary" size="sm" pending={open.isPending} onClick={() => (signedIn ? open.mutate() : navigate('/login'))}>
        {t('chat.start')}
      </Button>
      {open.isError && (
        <p className="field__error" role="alert">
          {open.error instanceof ApiError && open.error.status === 403 ? t('chat.refused') : t('common.error')}
        </p>
      )}
    </>
  );
}

function UserPosts({ handle }: { handle: string }) {
  const t = useT();
  const posts = useCursorList<Post>(['posts', 'user', handle], `/posts/latest/${encodeURIComponent(handle)}/`, (p) => p.uuid);
  return <InfiniteList {...posts} items={posts.items} keyOf={(p) => p.uuid} render={(p) => <PostCard post={p} />} empty={t('profile.empty')} />;
}

function LikedPosts({ handle }: { handle: string }) {
  const t = useT();
  const posts = useCursorList<Post>(['posts', 'liked', handle], `/likes/post-likes/?handle=${encodeURIComponent(handle)}`, (p) => p.uuid);
  return <InfiniteList {...posts} items={posts.items} keyOf={(p) => p.uuid} render={(p) => <PostCard post={p} />} empty={t('profile.likedEmpty')} />;
}

function UserProducts({ handle }: { handle: string }) {
  const t = useT();
  const products = useCursorList<Product>(['products', 'user', handle], `/products/latest/${encodeURIComponent(handle)}/`, (p) => p.uuid);
  return <InfiniteList {...products} items={products.items} keyOf={(p) => p.uuid} render={(p) => <ProductCard product={p} />} empty={t('profile.empty')} />;
}

function FollowList({ handle, kind }: { handle: string; kind: 'followers' | 'follows' }) {
  const t = useT();
  const people = useCursorList<FollowEntry>(['follows', kind, handle], `/follows/${encodeURIComponent(handle)}/${kind}/`,
    (e) => (e.user ?? e.follower)!.handle, { pageSize: 20 });
  return (
    <InfiniteList {...people} items={people.items} keyOf={(e) => (e.user ?? e.follower)!.handle}
      render={(e) => <UserRow user={(e.user ?? e.follower)!} />} empty={t('profile.empty')} />
  );
}
