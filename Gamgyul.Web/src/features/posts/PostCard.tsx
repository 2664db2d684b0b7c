import { Link } from 'react-router';
import type { Post } from '../../api/types';
import { relativeTime, useLocale, useT } from '../../i18n/i18n';
import { Avatar } from '../../ui/Avatar';
import { ReportButton } from '../reports/ReportDialog';
import { HashtagText } from './HashtagText';
import { LikeButton } from './LikeButton';

/** One post in a feed or on its own page. */
export function PostCard({ post, linkToDetail = true }: { post: Post; linkToDetail?: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <article className="post" aria-labelledby={`post-${post.uuid}-author`} data-testid="post">
      <header className="post__header">
        <Link to={`/users/${post.user.handle}`} className="post__author">
          <Avatar src={post.user.profile.profile_image} name={post.user.username} size="sm" />
          <span id={`post-${post.uuid}-author`} className="post__name">{post.user.username}</span>
          <span className="post__handle">@{post.user.handle}</span>
        </Link>
        <time className="post__time" dateTime={post.created_at}>{relativeTime(locale, post.created_at)}</time>
      </header>
      {post.images.length > 0 && (
        <div className="post__images">
          {post.images.map((src) => <img key={src} src={src} alt="" loading="lazy" />)}
        </div>
      )}
      <HashtagText text={post.text} />
      <footer className="post__actions">
        <LikeButton kind="post" uuid={post.uuid} liked={post.is_liked} count={post.likes_count} />
        {linkToDetail
          ? <Link to={`/posts/${post.uuid}`} className="post__comments">{t('post.comments', { count: post.comments_count })}</Link>
          : <span className="post__comments">{t('post.comments', { count: post.comments_count })}</span>}
        <ReportButton targetType="post" targetId={post.uuid} />
      </footer>
    </article>
  );
}
