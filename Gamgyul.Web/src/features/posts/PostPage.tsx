import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Post } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { ErrorState, Spinner } from '../../ui/States';
import { Comments } from './Comments';
import { PostCard } from './PostCard';

export default function PostPage() {
  const t = useT();
  const uuid = useParams().uuid ?? '';
  const post = useQuery({ queryKey: ['post', uuid], queryFn: ({ signal }) => api<Post>(`/posts/p/${uuid}/`, { signal }) });

  if (post.isPending) return <Spinner />;
  if (post.isError) {
    const missing = post.error instanceof ApiError && (post.error.status === 404 || post.error.status === 400);
    return <ErrorState message={missing ? t('common.notFound') : undefined} onRetry={missing ? undefined : () => post.refetch()} />;
  }
  return (
    <section className="page">
      <h1 className="visually-hidden">{t('post.detail')}</h1>
      <PostCard post={post.data} linkToDetail={false} />
      <Comments postUuid={uuid} />
    </section>
  );
}
