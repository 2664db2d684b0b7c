import { Link } from 'react-router';
import { segmentHashtags } from '../../lib/hashtags';

/** Post text with each #hashtag linking to its tag page; line breaks kept (white-space: pre-wrap). */
export function HashtagText({ text }: { text: string }) {
  return (
    <p className="post__text">
      {segmentHashtags(text).map((segment, i) =>
        segment.kind === 'tag'
          ? <Link key={i} className="hashtag" to={`/tags/${encodeURIComponent(segment.tag)}`}>{segment.text}</Link>
          : <span key={i}>{segment.text}</span>)}
    </p>
  );
}
