import { useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { uploadPercent } from '../../lib/upload';
import { BlurImage } from '../../ui/BlurImage';
import { Button } from '../../ui/Button';
import type { ImageUploads } from './useImageUploads';

const ACCEPTED = 'image/jpeg,image/png,image/webp';

interface ImagePickerProps {
  uploads: ImageUploads;
  /** The fieldset's legend: what the images are for. */
  legend: string;
  /** The pick button's text; by default "add photos (up to max)". */
  addLabel?: string;
}

/**
 * The images of a form (composer, product, avatar): each file uploads on its own with a progress bar, and can be
 * retried or removed. The state lives in {@link useImageUploads}, so the form decides when it may be sent.
 */
export function ImagePicker({ uploads, legend, addLabel }: ImagePickerProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const { items, max } = uploads;
  const single = max === 1;

  return (
    <fieldset className="upload-slot">
      <legend>{legend}</legend>
      <label className="btn btn--secondary btn--sm upload-slot__add">
        {addLabel ?? t('upload.add', { max })}
        <input ref={input} type="file" accept={ACCEPTED} multiple={!single} className="visually-hidden"
          disabled={!single && items.length >= max} data-testid="image-input"
          onChange={(e) => {
            uploads.add(e.target.files);
            if (input.current) input.current.value = '';
          }} />
      </label>
      {uploads.tooMany && <p className="field__error" role="alert">{t('upload.tooMany', { max })}</p>}
      {items.length > 0 && (
        <ul className="upload-list">
          {items.map((item, index) => {
            const label = single ? legend : t('upload.photo', { n: index + 1 });
            const { state } = item;
            return (
              <li key={item.key} className="upload-item" data-testid="upload-item" data-phase={state.phase}>
                {state.phase === 'ready' && state.media.display_url
                  ? <BlurImage src={state.media.display_url} placeholder={state.media.placeholder} alt={label} width={state.media.width} height={state.media.height} />
                  : <img src={item.preview} alt={label} className="upload-item__preview" />}
                <div className="upload-item__status" aria-live="polite">
                  {(state.phase === 'presigning' || state.phase === 'uploading') && (
                    <progress max={100} value={uploadPercent(state)} aria-label={t('upload.progress', { name: label })}>{uploadPercent(state)}%</progress>
                  )}
                  {state.phase === 'processing' && <span>{t('upload.processing')}</span>}
                  {state.phase === 'ready' && <span>{t('upload.ready')}</span>}
                  {state.phase === 'failed' && (
                    <span className="field__error">
                      {state.retryable ? t('upload.failed') : t('upload.refused')}{state.message && state.message !== 'timeout' ? ` (${state.message})` : ''}
                    </span>
                  )}
                </div>
                <div className="upload-item__actions">
                  {state.phase === 'failed' && state.retryable && item.file && (
                    <Button size="sm" variant="secondary" onClick={() => uploads.retry(item)}>{t('common.retry')}</Button>
                  )}
                  <Button size="sm" variant="ghost" onClick={() => uploads.remove(item)} aria-label={t('upload.remove', { name: label })}>✕</Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
