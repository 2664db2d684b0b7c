import { api } from '../../api/client';
import { UploadHttpError, type MediaInfo, type PresignedForm, type UploadSteps } from '../../lib/upload';

/** What an image is uploaded for (the Api's MediaPurpose names); chat images stay private to their room. */
export type MediaPurpose = 'post' | 'product' | 'avatar' | 'chat';

/** The real side effects of one upload of `file` for `purpose`: the Api for presign/complete/state, XHR for the bytes. */
export function browserUploadSteps(file: File, purpose: MediaPurpose, signal: AbortSignal): UploadSteps {
  return {
    presign: () => api<PresignedForm>('/images/presigned/', { method: 'POST', body: { purpose, content_type: file.type, size: file.size }, signal }),
    send: (form, onProgress) => sendForm(form, file, onProgress, signal),
    complete: (mediaId) => api<MediaInfo>(`/images/${mediaId}/complete/`, { method: 'POST', signal }),
    get: (mediaId) => api<MediaInfo>(`/images/${mediaId}/`, { signal }),
    sleep: (ms) => new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => { clearTimeout(timer); reject(new UploadHttpError(0, 'aborted')); }, { once: true });
    }),
  };
}

/**
 * POSTs the signed form straight to storage (S3 or the Api's own /media/upload): every field, then the file last,
 * as the signature requires. XMLHttpRequest because fetch cannot report upload progress.
 */
function sendForm(form: PresignedForm, file: File, onProgress: (loaded: number, total: number) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
    body.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', form.url);
    request.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(event.loaded, event.total); };
    request.onload = () => (request.status >= 200 && request.status < 300 ? resolve() : reject(new UploadHttpError(request.status)));
    request.onerror = () => reject(new UploadHttpError(0));
    request.ontimeout = () => reject(new UploadHttpError(0));
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.onabort = () => reject(new UploadHttpError(0, 'aborted'));
    request.send(body);
  });
}
