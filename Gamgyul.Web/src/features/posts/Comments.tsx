import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Comment } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { useSession } from '../../auth/session';
import { relativeTime, useLocale, useT } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { InfiniteList } from '../../ui/InfiniteList';
import { TextField } from '../../ui/TextField';
import { ReportButton } from '../reports/ReportDialog';
import { LikeButton } from './LikeButton';

/** A post's comments (newest first, cursor paged), each with its replies on demand, and the comment form. */
export function Comments({ postUuid }: { postUuid: string }) {
  const t = useT();
  const comments = useCursorList<Comment>(['comments', postUuid], `/comments/?uuid=${postUuid}`, (c) => c.uuid, { pageSize: 20 });
  return (
    <section className="comments" aria-label={t('post.comments', { count: comments.items.length })}>
      <CommentForm postUuid={postUuid} label={t('comment.label')} />
      <InfiniteList {...comments} items={comments.items} keyOf={(c) => c.uuid} render={(c) => <CommentItem comment={c} />} empty={t('comment.empty')} />
    </section>
  );
}

function CommentItem({ comment }: { comment: Comment }) {
  const t = useT();
  const [showReplies, setShowReplies] = useState(false);
  const [replying, setReplying] = useState(false);
  return (
    <div className="comment" data-testid="comment">
      <CommentBody comment={comment} kind="comment" />
      <div className="comment__actions">
        <button type="button" className="link-btn link-btn--muted" onClick={() => setReplying(!replying)} aria-expanded={replying}>{t('comment.reply')}</button>
        {comment.replies_count > 0 && (
          <button type="button" className="link-btn link-btn--muted" onClick={() => setShowReplies(!showReplies)} aria-expanded={showReplies}>
            {t('comment.replies', { count: comment.replies_count })}
          </button>
        )}
      </div>
      {replying && <CommentForm postUuid={comment.post} parent={comment.uuid} label={t('comment.replyLabel')} onDone={() => { setReplying(false); setShowReplies(true); }} />}
      {showReplies && <Replies commentUuid={comment.uuid} />}
    </div>
  );
}

function Replies({ commentUuid }: { commentUuid: string }) {
  const t = useT();
  const replies = useCursorList<Comment>(['replies', commentUuid], `/comments/${commentUuid}/replies/`, (c) => c.uuid, { pageSize: 20 });
  return (
    <div className="replies">
      <InfiniteList {...replies} items={replies.items} keyOf={(c) => c.uuid} render={(c) => <CommentBody comment={c} kind="reply" />} empty={t('comment.empty')} />
    </div>
  );
}

function CommentBody({ comment, kind }: { comment: Comment; kind: 'comment' | 'reply' }) {
  const locale = useLocale((s) => s.locale);
  return (
    <div className="comment__body">
      <p>
        <Link to={`/users/${comment.user.handle}`} className="comment__author">{comment.user.username}</Link>{' '}
        <span className="comment__text">{comment.content}</span>
      </p>
      <div className="comment__meta">
        <time dateTime={comment.created_at}>{relativeTime(locale, comment.created_at)}</time>
        <LikeButton kind={kind} uuid={comment.uuid} liked={comment.is_liked} count={comment.likes_count} />
        <ReportButton targetType={kind} targetId={comment.uuid} />
      </div>
    </div>
  );
}

function CommentForm({ postUuid, parent, label, onDone }: { postUuid: string; parent?: string; label: string; onDone?: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const signedIn = useSession((s) => s.status === 'signedIn');
  const [content, setContent] = useState('');
  const create = useMutation({
    mutationFn: () => api<Comment>('/comments/', { method: 'POST', body: { post: postUuid, content, parent } }),
    onSuccess: async () => {
      setContent('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['comments', postUuid] }),
        queryClient.invalidateQueries({ queryKey: ['post', postUuid] }),
        parent ? queryClient.invalidateQueries({ queryKey: ['replies', parent] }) : Promise.resolve(),
      ]);
      onDone?.();
    },
  });

  if (!signedIn) return <p className="muted"><Link to="/login">{t('auth.required')}</Link></p>;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (content.trim()) create.mutate();
  }
  return (
    <form className="comment-form" onSubmit={submit}>
      <TextField label={label} hideLabel placeholder={t('comment.placeholder')} value={content} maxLength={1000} onChange={(e) => setContent(e.target.value)} />
      <Button type="submit" size="sm" pending={create.isPending} disabled={!content.trim()}>{t('comment.submit')}</Button>
      {create.isError && <p className="field__error" role="alert">{t('common.error')}</p>}
    </form>
  );
}
