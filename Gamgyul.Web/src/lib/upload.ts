// One image upload, as a sequence the composer can show and retry: presign (POST /images/presigned/), send the
// signed form straight to storage (with progress), complete (POST /images/{id}/complete/), then poll
// GET /images/{id}/ until the pipeline says ready or failed. Side effects come in through UploadSteps, so the
// sequence is tested without a network. A failure of the network or the server (5xx, 429, no answer) can be
// retried: the retry starts from a fresh presign, because the form may have expired. A refusal (4xx, or the
// pipeline refusing the file) cannot: the same file would be refused again.

export interface MediaInfo {
  media_id: string;
  state: 'uploading' | 'pending' | 'ready' | 'failed';
  placeholder: string | null;
  error: string | null;
  display_url: string | null;
  width: number | null;
  height: number | null;
}

export interface PresignedForm {
  url: string;
  fields: Record<string, string>;
  media_id: string;
}

/** An HTTP answer that was not a success; `status` 0 means no answer at all. */
export class UploadHttpError extends Error {
  constructor(public readonly status: number, message?: string) {
    super(message ?? `HTTP ${status}`);
  }
}

export type UploadState =
  | { phase: 'presigning' }
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'processing'; mediaId: string }
  | { phase: 'ready'; media: MediaInfo }
  | { phase: 'failed'; retryable: boolean; message?: string };

export interface UploadSteps {
  presign(): Promise<PresignedForm>;
  send(form: PresignedForm, onProgress: (loaded: number, total: number) => void): Promise<void>;
  complete(mediaId: string): Promise<MediaInfo>;
  get(mediaId: string): Promise<MediaInfo>;
  sleep(ms: number): Promise<void>;
}

/** Waits between polls: quick at first (small images are ready in well under a second), then every 2 s, about a minute in all. */
export const POLL_DELAYS_MS = [250, 500, 750, 1000, 1500, ...Array<number>(28).fill(2000)];

/** Whether an error is worth retrying: no answer, the server's trouble or a rate limit. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof UploadHttpError) return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return status === 408 || status === 429 || status >= 500;
  return true;
}

function failedFrom(error: unknown): UploadState {
  const problem = (error as { problem?: { detail?: string; errors?: Record<string, string[]> } } | null)?.problem;
  const detail = problem?.errors ? Object.values(problem.errors)[0]?.[0] : problem?.detail;
  return { phase: 'failed', retryable: isRetryable(error), message: detail ?? undefined };
}

/** Runs one upload to its end (ready or failed), reporting every state; never throws. */
export async function runUpload(steps: UploadSteps, report: (state: UploadState) => void, pollDelays = POLL_DELAYS_MS): Promise<UploadState> {
  const finish = (state: UploadState) => {
    report(state);
    return state;
  };
  try {
    report({ phase: 'presigning' });
    const form = await steps.presign();
    report({ phase: 'uploading', loaded: 0, total: 1 });
    await steps.send(form, (loaded, total) => report({ phase: 'uploading', loaded, total }));
    report({ phase: 'processing', mediaId: form.media_id });
    let media = await steps.complete(form.media_id);
    for (const delay of pollDelays) {
      if (media.state === 'ready') return finish({ phase: 'ready', media });
      if (media.state === 'failed') return finish({ phase: 'failed', retryable: false, message: media.error ?? undefined });
      await steps.sleep(delay);
      media = await steps.get(form.media_id);
    }
    if (media.state === 'ready') return finish({ phase: 'ready', media });
    if (media.state === 'failed') return finish({ phase: 'failed', retryable: false, message: media.error ?? undefined });
    return finish({ phase: 'failed', retryable: true, message: 'timeout' });
  } catch (error) {
    return finish(failedFrom(error));
  }
}

/** 0..100 for a progress bar; the server's work after the bytes arrived is shown as "processing" instead. */
export function uploadPercent(state: UploadState): number {
  if (state.phase === 'uploading') return state.total > 0 ? Math.min(100, Math.round((state.loaded / state.total) * 100)) : 0;
  return state.phase === 'processing' || state.phase === 'ready' ? 100 : 0;
}

/** One image of a form: a file being uploaded, or an image the content already had (no file, already ready). */
export interface UploadItem {
  key: string;
  file?: File;
  preview: string;
  state: UploadState;
}

/** An image the content already has, shown like a finished upload; the Api takes its display URL back as its reference. */
export function existingImage(url: string, key: string = url): UploadItem {
  return {
    key,
    preview: url,
    state: { phase: 'ready', media: { media_id: url, state: 'ready', placeholder: null, error: null, display_url: url, width: null, height: null } },
  };
}

/** Where a set of uploads stands, for the form around it: send only when every image is ready. */
export function uploadsSummary(items: readonly UploadItem[]): { ready: boolean; uploading: boolean; references: string[] } {
  const ready = items.every((i) => i.state.phase === 'ready');
  const uploading = items.some((i) => i.state.phase !== 'ready' && i.state.phase !== 'failed');
  const references = items.flatMap((i) => (i.state.phase === 'ready' ? [i.state.media.media_id] : []));
  return { ready, uploading, references };
}
