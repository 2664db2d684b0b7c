import { describe, expect, it } from 'vitest';
import { existingImage, runUpload, uploadPercent, uploadsSummary, UploadHttpError, type MediaInfo, type UploadItem, type UploadState, type UploadSteps } from './upload';

const media = (state: MediaInfo['state'], extra: Partial<MediaInfo> = {}): MediaInfo =>
  ({ media_id: 'm1', state, placeholder: null, error: null, display_url: null, width: null, height: null, ...extra });

function steps(overrides: Partial<UploadSteps> & { states?: MediaInfo[] } = {}) {
  const calls: string[] = [];
  const states = [...(overrides.states ?? [media('ready', { placeholder: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj', display_url: '/images/m1/display' })])];
  const fake: UploadSteps = {
    presign: async () => { calls.push('presign'); return { url: '/media/upload', fields: { key: 'k' }, media_id: 'm1' }; },
    send: async (_form, progress) => { calls.push('send'); progress(50, 100); progress(100, 100); },
    complete: async () => { calls.push('complete'); return states.shift() ?? media('pending'); },
    get: async () => { calls.push('get'); return states.shift() ?? media('pending'); },
    sleep: async (ms) => { calls.push(`sleep ${ms}`); },
    ...overrides,
  };
  return { fake, calls };
}

describe('image upload', () => {
  it('goes presign, upload with progress, complete, poll until ready', async () => {
    const { fake, calls } = steps({ states: [media('pending'), media('pending'), media('ready', { display_url: '/images/m1/display' })] });
    const seen: UploadState[] = [];
    const end = await runUpload(fake, (s) => seen.push(s), [10, 20, 30]);
    expect(calls).toEqual(['presign', 'send', 'complete', 'sleep 10', 'get', 'sleep 20', 'get']);
    expect(seen.map((s) => s.phase)).toEqual(['presigning', 'uploading', 'uploading', 'uploading', 'processing', 'ready']);
    expect(seen.filter((s) => s.phase === 'uploading').map(uploadPercent)).toEqual([0, 50, 100]);
    expect(end).toMatchObject({ phase: 'ready', media: { display_url: '/images/m1/display' } });
  });

  it('offers a retry when the network or the server failed', async () => {
    for (const error of [new UploadHttpError(0), new UploadHttpError(503), new TypeError('Failed to fetch')]) {
      const { fake } = steps({ send: async () => { throw error; } });
      expect(await runUpload(fake, () => {})).toMatchObject({ phase: 'failed', retryable: true });
    }
  });

  it('does not offer a retry for a refusal, and says why', async () => {
    const refused = Object.assign(new Error('bad'), { status: 400, problem: { errors: { size: ['At most 10 MB.'] } } });
    const { fake } = steps({ presign: async () => { throw refused; } });
    expect(await runUpload(fake, () => {})).toEqual({ phase: 'failed', retryable: false, message: 'At most 10 MB.' });

    const { fake: broken } = steps({ states: [media('pending'), media('failed', { error: 'Not an image.' })] });
    expect(await runUpload(broken, () => {}, [1, 1])).toEqual({ phase: 'failed', retryable: false, message: 'Not an image.' });
  });

  it('gives up polling after the last delay, as a retryable timeout', async () => {
    const { fake, calls } = steps({ states: [] });
    expect(await runUpload(fake, () => {}, [1, 1])).toEqual({ phase: 'failed', retryable: true, message: 'timeout' });
    expect(calls.filter((c) => c === 'get')).toHaveLength(2);
  });
});

describe('a form\'s uploads', () => {
  const ready = (id: string): UploadItem => ({ key: id, preview: 'blob:x', state: { phase: 'ready', media: media('ready', { media_id: id }) } });

  it('sends media ids of new uploads and display URLs of the images it already had, in order', () => {
    const items = [existingImage('https://h/images/a/display/'), ready('m2')];
    expect(uploadsSummary(items)).toEqual({ ready: true, uploading: false, references: ['https://h/images/a/display/', 'm2'] });
  });

  it('is not ready while an image uploads or after one failed', () => {
    const uploading: UploadItem = { key: 'u', preview: 'blob:u', state: { phase: 'uploading', loaded: 1, total: 2 } };
    const failed: UploadItem = { key: 'f', preview: 'blob:f', state: { phase: 'failed', retryable: true } };
    expect(uploadsSummary([ready('m1'), uploading])).toEqual({ ready: false, uploading: true, references: ['m1'] });
    expect(uploadsSummary([ready('m1'), failed])).toEqual({ ready: false, uploading: false, references: ['m1'] });
    expect(uploadsSummary([])).toEqual({ ready: true, uploading: false, references: [] });
  });
});
