import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { cursorFromLink, mergePages, type CursorPage } from '../lib/paging';
import { api } from './client';

/** A cursor-paged Api list as one growing array (duplicates across pages removed). */
export function useCursorList<T>(key: QueryKey, path: string, keyOf: (item: T) => string, { enabled = true, pageSize = 10 } = {}) {
  const query = useInfiniteQuery({
    queryKey: key,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const url = new URL(path, window.location.origin);
      url.searchParams.set('page_size', String(pageSize));
      if (pageParam) url.searchParams.set('cursor', pageParam);
      return api<CursorPage<T>>(url.pathname + url.search, { signal });
    },
    getNextPageParam: (last) => cursorFromLink(last.next),
  });
  return { ...query, items: mergePages(query.data?.pages, keyOf) };
}
