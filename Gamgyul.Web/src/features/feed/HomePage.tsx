import { useState } from 'react';
import type { Post } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { InfiniteList } from '../../ui/InfiniteList';
import { Tabs } from '../../ui/Tabs';
import { PostCard } from '../posts/PostCard';

type FeedTab = 'following' | 'forYou' | 'latest';

/** Where each tab's posts come from: the Api's home feed, its personal list (recommended when it knows the reader), everyone's newest. */
const feedPaths: Record<FeedTab, string> = { following: '/posts/follows/', forYou: '/posts/p/', latest: '/posts/latest/' };

/** Home: the following feed (own and followed users' posts) or "for you" when signed in, everyone's latest posts otherwise. */
export default function HomePage() {
  const t = useT();
  const status = useSession((s) => s.status);
  const signedIn = status === 'signedIn';
  const [chosen, setChosen] = useState<FeedTab>('following');
  const tab: FeedTab = signedIn ? chosen : 'latest';
  const feed = useCursorList<Post>(['posts', tab], feedPaths[tab], (p) => p.uuid,
    { enabled: status !== 'loading' });

  return (
    <section className="page">
      <h1 className="visually-hidden">{t('nav.home')}</h1>
      {signedIn && (
        <Tabs<FeedTab> label={t('feed.tabs')} value={tab} onChange={setChosen}
          tabs={[{ id: 'following', label: t('feed.following') }, { id: 'forYou', label: t('feed.forYou') }, { id: 'latest', label: t('feed.latest') }]} />
      )}
      <InfiniteList {...feed} items={feed.items} keyOf={(p) => p.uuid} render={(p) => <PostCard post={p} />} empty={t('feed.empty')} />
    </section>
  );
}
