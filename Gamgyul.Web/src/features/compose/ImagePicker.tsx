import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { runUpload, uploadPercent, type UploadState } from '../../lib/upload';
import { BlurImage } from '../../ui/BlurImage';
import { Button } from '../../ui/Button';
import { browserUploadSteps } from './uploadSteps';

export interface UploadItem {
  key: string;
  file: File;
  preview: string;
  state: UploadState;
}

const ACCEPTED = 'image/jpeg,image/png,image/webp';

/** The composer's photos: each file uploads on its own with a progress bar, can be retried or removed. */
export function ImagePicker({ items, setItems, max }: { items: UploadItem[]; setItems: (update: (items: UploadItem[]) => UploadItem[]) => void; max: number }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const controllers = useRef(new Map<string, AbortController>());
  const [tooMany, setTooMany] = useState(false);

  useEffect(() => () => {
    controllers.current.forEach((c) => c.abort());
  }, []);

  function start(item: UploadItem) {
    const controller = new AbortController();
    controllers.current.get(item.key)?.abort();
    controllers.current.set(item.key, controller);
    const report = (state: UploadState) => {
      if (!controller.signal.aborted) setItems((all) => all.map((i) => (i.key === item.key ? { ...i, state } : i)));
    };
    void runUpload(browserUploadSteps(item.file, 'post', controller.signal), report);
  }

  function add(files: FileList | null) {
    if (!files) return;
    const room = max - items.length;
    setTooMany(files.length > room);
    const added = [...files].slice(0, Math.max(0, room)).map((file) => ({
      key: crypto.randomUUID(), file, preview: URL.createObjectURL(file), state: { phase: 'presigning' } as UploadState,
    }));
    setItems((all) => [...all, ...added]);
    added.forEach(start);
    if (input.current) input.current.value = '';
  }

  function remove(item: UploadItem) {
    controllers.current.get(item.key)?.abort();
    controllers.current.delete(item.key);
    URL.revokeObjectURL(item.preview);
    setItems((all) => all.filter((i) => i.key !== item.key));
  }

  return (
    <fieldset className="upload-slot">
      <legend>{t('compose.images')}</legend>
      <label className="btn btn--secondary btn--sm upload-slot__add">
        {t('upload.add', { max })}
        <input ref={input} type="file" accept={ACCEPTED} multiple className="visually-hidden" disabled={items.length >= max}
          onChange={(e) => add(e.target.files)} data-testid="image-input" />
      </label>
      {tooMany && <p className="field__error" role="alert">{t('upload.tooMany', { max })}</p>}
      {items.length > 0 && (
        <ul className="upload-list">
          {items.map((item, index) => {
            const label = t('upload.photo', { n: index + 1 });
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
                  {state.phase === 'failed' && state.retryable && (
                    <Button size="sm" variant="secondary" onClick={() => start(item)}>{t('common.retry')}</Button>
                  )}
                  <Button size="sm" variant="ghost" onClick={() => remove(item)} aria-label={t('upload.remove', { name: label })}>✕</Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
