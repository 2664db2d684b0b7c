import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Post } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { extractHashtags, MAX_TAGS, segmentHashtags } from '../../lib/hashtags';
import { Button } from '../../ui/Button';
import { ImagePicker } from '../media/ImagePicker';
import { useImageUploads } from '../media/useImageUploads';

/** The Api's limit (Gamgyul.Api/Posts/PostFieldsValidator.MaxImages). */
const MAX_POST_IMAGES = 10;

/** The composer: text with live #hashtag highlighting and the tags it will carry (Korean included), and photos uploaded while the user writes. */
export default function ComposePage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const images = useImageUploads('post', MAX_POST_IMAGES);
  const tags = extractHashtags(text).slice(0, MAX_TAGS);
  const { ready, uploading } = images;

  const create = useMutation({
    mutationFn: () => api<Post>('/posts/p/', { method: 'POST', body: { text, tags, images: images.references } }),
    onSuccess: async (post) => {
      await queryClient.invalidateQueries({ queryKey: ['posts'] });
      navigate(`/posts/${post.uuid}`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim().length > 0 && ready) create.mutate();
  }

  const error = create.error instanceof ApiError ? create.error.fieldError('text') ?? create.error.message : create.error ? t('common.error') : undefined;
  return (
    <section className="page">
      <h1>{t('compose.title')}</h1>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="compose-text" className="field__label">{t('compose.text')}</label>
          {/* The highlight layer sits under a transparent textarea with the same text and metrics. */}
          <div className="composer">
            <div className="composer__backdrop" aria-hidden="true">
              {segmentHashtags(text).map((s, i) => (s.kind === 'tag' ? <mark key={i} className="hashtag">{s.text}</mark> : <span key={i}>{s.text}</span>))}
              {'\n'}
            </div>
            <textarea id="compose-text" className="composer__input" value={text} maxLength={2000} rows={5}
              placeholder={t('compose.placeholder')} onChange={(e) => setText(e.target.value)} aria-describedby="compose-tags" />
          </div>
        </div>
        <div id="compose-tags" className="tag-list" aria-live="polite">
          <span className="visually-hidden">{t('compose.tags')}: </span>
          {tags.map((tag) => <span key={tag} className="chip" data-testid="compose-tag">#{tag}</span>)}
        </div>
        <ImagePicker uploads={images} legend={t('compose.images')} />
        {!ready && <p className="muted" role="status">{uploading ? t('upload.wait') : t('upload.fixFailed')}</p>}
        {error && <p className="field__error" role="alert">{error}</p>}
        <Button type="submit" block pending={create.isPending} disabled={text.trim().length === 0 || !ready}>{t('compose.submit')}</Button>
      </form>
    </section>
  );
}
