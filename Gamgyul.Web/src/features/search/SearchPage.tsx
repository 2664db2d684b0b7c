import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Post, Product, UserSummary } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { useT } from '../../i18n/i18n';
import { normalizeQuery, parseSearchType, searchPath, tagOfQuery, type SearchType } from '../../lib/search';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { EmptyState } from '../../ui/States';
import { InfiniteList } from '../../ui/InfiniteList';
import { Tabs } from '../../ui/Tabs';
import { TextField } from '../../ui/TextField';
import { UserRow } from '../../ui/UserRow';
import { PostCard } from '../posts/PostCard';
import { ProductCard } from '../products/ProductCard';

/**
 * Search as you type over GET /search/ (posts, users or products). The box is debounced by 300 ms;
 * each settled query is its own React Query key, so a query the user typed past loses its observer
 * and its request is aborted (the fetch gets the query's AbortSignal). The query and type live in the
 * URL (?q=&type=), so a search can be shared and survives a reload.
 */
export default function SearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [type, setType] = useState(() => parseSearchType(params.get('type')));
  const [input, setInput] = useState(params.get('q') ?? '');
  const settled = normalizeQuery(useDebouncedValue(input, 300));

  // One writer of the URL, from component state: a tab chosen while an earlier query's URL write is still
  // in flight can never be overwritten by it (two writers built from a stale copy of the URL once lost a tab).
  useEffect(() => {
    const next = searchParamsOf(settled, type);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [settled, type, params, setParams]);

  const tag = tagOfQuery(settled);
  return (
    <section className="page">
      <h1>{t('search.title')}</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('search.label')} type="search" value={input} autoFocus enterKeyHint="search"
          placeholder={t('search.placeholder')} maxLength={200} onChange={(e) => setInput(e.target.value)} />
      </form>
      <Tabs<SearchType> label={t('search.types')} value={type} onChange={setType} tabs={[
        { id: 'posts', label: t('search.posts') },
        { id: 'users', label: t('search.users') },
        { id: 'products', label: t('search.products') },
      ]} />
      {tag && (
        <p className="search__tag">
          <Link to={`/tags/${encodeURIComponent(tag)}`} className="chip" data-testid="search-tag">{t('search.tagLink', { tag })}</Link>
        </p>
      )}
      {settled ? <Results query={settled} type={type} key={type} /> : <EmptyState>{t('search.hint')}</EmptyState>}
    </section>
  );
}

function Results({ query, type }: { query: string; type: SearchType }) {
  const t = useT();
  const path = searchPath(query, type)!;
  const empty = t('search.empty', { query });
  const posts = useCursorList<Post>(['search', 'posts', query], path, (p) => p.uuid, { enabled: type === 'posts' });
  const users = useCursorList<UserSummary>(['search', 'users', query], path, (u) => u.handle, { enabled: type === 'users', pageSize: 20 });
  const products = useCursorList<Product>(['search', 'products', query], path, (p) => p.uuid, { enabled: type === 'products', pageSize: 20 });

  if (type === 'users') {
    return <InfiniteList {...users} items={users.items} keyOf={(u) => u.handle} render={(u) => <UserRow user={u} />} empty={empty} />;
  }
  if (type === 'products') {
    return <InfiniteList {...products} items={products.items} keyOf={(p) => p.uuid} render={(p) => <ProductCard product={p} />} empty={empty} />;
  }
  return <InfiniteList {...posts} items={posts.items} keyOf={(p) => p.uuid} render={(p) => <PostCard post={p} />} empty={empty} />;
}

/** ?q=&type= in a fixed order, type left out when it is the default, so an unchanged search writes nothing. */
function searchParamsOf(query: string, type: SearchType): URLSearchParams {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (type !== 'posts') params.set('type', type);
  return params;
}
