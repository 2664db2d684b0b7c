import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';

export type LikeKind = 'post' | 'comment' | 'reply';
const paths: Record<LikeKind, string> = { post: '/likes/post-likes/', comment: '/likes/comment-likes/', reply: '/likes/reply-likes/' };

interface LikeButtonProps {
  kind: LikeKind;
  uuid: string;
  liked: boolean;
  count: number;
}

/** An optimistic like toggle that rolls back when the Api refuses, and takes the Api's count when it answers. */
export function LikeButton({ kind, uuid, liked: initialLiked, count: initialCount }: LikeButtonProps) {
  const t = useT();
  const navigate = useNavigate();
  const signedIn = useSession((s) => s.status === 'signedIn');
  const [state, setState] = useState({ liked: initialLiked, count: initialCount });
  const queryClient = useQueryClient();

  const mutation = useMutation({
    mutationFn: async (like: boolean): Promise<{ likes_count?: number } | undefined> => like
      ? api<{ likes_count: number }>(paths[kind], { method: 'POST', body: { uuid } })
      : api<undefined>(`${paths[kind]}${uuid}/`, { method: 'DELETE' }),
    onMutate: (like) => {
      const previous = state;
      setState({ liked: like, count: Math.max(0, state.count + (like ? 1 : -1)) });
      return previous;
    },
    onSuccess: (result, like) => {
      if (like && result && typeof result.likes_count === 'number') setState({ liked: true, count: result.likes_count });
    },
    onError: (_error, _like, previous) => {
      if (previous) setState(previous);
    },
    // A profile's liked tab read earlier would miss this post (or still show it) until it goes stale.
    onSettled: () => (kind === 'post' ? queryClient.invalidateQueries({ queryKey: ['posts', 'liked'] }) : undefined),
  });

  function toggle() {
    if (!signedIn) {
      navigate('/login');
      return;
    }
    mutation.mutate(!state.liked);
  }

  return (
    <button type="button" className={`like ${state.liked ? 'like--on' : ''}`} aria-pressed={state.liked}
      aria-label={state.liked ? t('post.unlike') : t('post.like')} onClick={toggle} disabled={mutation.isPending}>
      <span aria-hidden="true">{state.liked ? '♥' : '♡'}</span>
      <span className="like__count">{state.count}</span>
    </button>
  );
}
