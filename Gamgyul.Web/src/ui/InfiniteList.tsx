import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { Button } from './Button';
import { EmptyState, ErrorState, Spinner } from './States';

interface InfiniteListProps<T> {
  items: T[];
  render(item: T): ReactNode;
  keyOf(item: T): string;
  status: 'pending' | 'error' | 'success';
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): void;
  refetch(): void;
  empty: string;
}

/**
 * A list that loads the next cursor page when its end scrolls into view; the "more" button does the
 * same for keyboards and for browsers without IntersectionObserver. Loading, empty and error states included.
 */
export function InfiniteList<T>({ items, render, keyOf, status, hasNextPage, isFetchingNextPage, fetchNextPage, refetch, empty }: InfiniteListProps<T>) {
  const t = useT();
  const sentinel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) fetchNextPage();
    }, { rootMargin: '400px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (status === 'pending') return <Spinner />;
  if (status === 'error') return <ErrorState onRetry={refetch} />;
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;

  return (
    <>
      <ul className="list">
        {items.map((item) => <li key={keyOf(item)}>{render(item)}</li>)}
      </ul>
      <div ref={sentinel} />
      {isFetchingNextPage && <Spinner />}
      {hasNextPage && !isFetchingNextPage && (
        <div className="list__more"><Button variant="ghost" onClick={fetchNextPage}>{t('common.more')}</Button></div>
      )}
    </>
  );
}
