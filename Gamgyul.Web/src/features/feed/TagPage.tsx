import { useParams } from 'react-router';
import type { Post } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { useT } from '../../i18n/i18n';
import { InfiniteList } from '../../ui/InfiniteList';
import { PostCard } from '../posts/PostCard';

/** Posts with one tag (the Api's exact tag filter). */
export default function TagPage() {
  const t = useT();
  const tag = useParams().tag ?? '';
  const feed = useCursorList<Post>(['posts', 'tag', tag], `/posts/p/?tags=${encodeURIComponent(tag)}`, (p) => p.uuid);
  return (
    <section className="page">
      <h1>{t('feed.tag', { tag })}</h1>
      <InfiniteList {...feed} items={feed.items} keyOf={(p) => p.uuid} render={(p) => <PostCard post={p} />} empty={t('feed.empty')} />
    </section>
  );
}
