import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { runUpload, uploadPercent, type UploadState } from '../../lib/upload';
import { Button } from '../../ui/Button';
import { browserUploadSteps } from '../media/uploadSteps';

export interface ChatAttachment {
  key: string;
  file: File;
  preview: string;
  state: UploadState;
}

const ACCEPTED = 'image/jpeg,image/png,image/webp';

/**
 * One photo for the next message (the gateway takes at most one): uploaded at once with the purpose `chat`, through
 * the same presign/send/complete/poll sequence as the composer's photos (lib/upload), with progress, retry after a
 * network failure and the refusal's reason. The message can be sent once the upload is ready.
 */
export function ChatImagePicker({ attachment, onChange }: { attachment: ChatAttachment | null; onChange(next: ChatAttachment | null): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef(attachment);
  latest.current = attachment;

  useEffect(() => () => controller.current?.abort(), []);
  // The preview's object URL is released when the photo is sent, removed or replaced.
  useEffect(() => {
    const preview = attachment?.preview;
    return () => { if (preview) URL.revokeObjectURL(preview); };
  }, [attachment?.preview]);

  function start(item: ChatAttachment) {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const report = (state: UploadState) => {
      if (!current.signal.aborted && latest.current?.key === item.key) onChange({ ...item, state });
    };
    void runUpload(browserUploadSteps(item.file, 'chat', current.signal), report);
  }

  function pick(files: FileList | null) {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    const item: ChatAttachment = { key: crypto.randomUUID(), file, preview: URL.createObjectURL(file), state: { phase: 'presigning' } };
    latest.current = item;
    onChange(item);
    start(item);
  }

  function remove() {
    controller.current?.abort();
    latest.current = null;
    onChange(null);
  }

  const state = attachment?.state;
  return (
    <div className="chat-attach">
      {!attachment && (
        <label className="btn btn--ghost btn--sm">
          <span aria-hidden="true">📷</span> {t('chatImage.attach')}
          <input ref={input} type="file" accept={ACCEPTED} className="visually-hidden" onChange={(e) => pick(e.target.files)} data-testid="chat-image-input" />
        </label>
      )}
      {attachment && state && (
        <div className="chat-attach__item" data-testid="chat-attachment" data-phase={state.phase}>
          <img src={attachment.preview} alt={t('chatImage.preview')} className="chat-attach__preview" />
          <div className="chat-attach__status" aria-live="polite">
            {(state.phase === 'presigning' || state.phase === 'uploading') && (
              <progress max={100} value={uploadPercent(state)} aria-label={t('chatImage.progress')}>{uploadPercent(state)}%</progress>
            )}
            {state.phase === 'processing' && <span>{t('upload.processing')}</span>}
            {state.phase === 'ready' && <span>{t('chatImage.ready')}</span>}
            {state.phase === 'failed' && (
              <span className="field__error" role="alert">
                {state.retryable ? t('upload.failed') : t('upload.refused')}{state.message && state.message !== 'timeout' ? ` (${state.message})` : ''}
              </span>
            )}
          </div>
          {state.phase === 'failed' && state.retryable && (
            <Button size="sm" variant="secondary" onClick={() => start(attachment)}>{t('common.retry')}</Button>
          )}
          <Button size="sm" variant="ghost" onClick={remove} aria-label={t('chatImage.remove')}>✕</Button>
        </div>
      )}
    </div>
  );
}
