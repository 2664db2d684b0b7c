import { useCallback, useEffect, useRef, useState } from 'react';
import { existingImage, runUpload, uploadsSummary, type UploadItem, type UploadState } from '../../lib/upload';
import { browserUploadSteps, type MediaPurpose } from './uploadSteps';

export interface ImageUploads {
  items: UploadItem[];
  max: number;
  /** True when more files were picked than there was room for (the extra ones were left out). */
  tooMany: boolean;
  ready: boolean;
  uploading: boolean;
  /** What the Api takes as the images: media ids of new uploads, display URLs of images the content had. */
  references: string[];
  add(files: FileList | File[] | null): void;
  retry(item: UploadItem): void;
  remove(item: UploadItem): void;
}

/**
 * The uploads of one form (composer, product, avatar): every picked file runs presign → storage → complete → poll on
 * its own, can be retried from a fresh presign or removed; leaving the page aborts what is still running. With
 * `max` 1 (an avatar) a new pick replaces the current image instead of being refused. `initial` are the images the
 * content already has (edit forms), shown as ready ones.
 */
export function useImageUploads(purpose: MediaPurpose, max: number, initial: readonly string[] = []): ImageUploads {
  const [items, setItems] = useState<UploadItem[]>(() => initial.map((url, index) => existingImage(url, `existing-${index}`)));
  const [tooMany, setTooMany] = useState(false);
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  const start = useCallback((item: UploadItem) => {
    if (!item.file) return;
    const controller = new AbortController();
    controllers.current.get(item.key)?.abort();
    controllers.current.set(item.key, controller);
    const report = (state: UploadState) => {
      if (!controller.signal.aborted) setItems((all) => all.map((i) => (i.key === item.key ? { ...i, state } : i)));
    };
    void runUpload(browserUploadSteps(item.file, purpose, controller.signal), report);
  }, [purpose]);

  const forget = useCallback((item: UploadItem) => {
    controllers.current.get(item.key)?.abort();
    controllers.current.delete(item.key);
    if (item.file) URL.revokeObjectURL(item.preview);
  }, []);

  const add = useCallback((files: FileList | File[] | null) => {
    if (!files || files.length === 0) return;
    const replacing = max === 1;
    const room = replacing ? 1 : max - items.length;
    setTooMany(files.length > room);
    const added: UploadItem[] = [...files].slice(0, Math.max(0, room)).map((file) => ({
      key: crypto.randomUUID(), file, preview: URL.createObjectURL(file), state: { phase: 'presigning' },
    }));
    if (replacing) items.forEach(forget);
    setItems((all) => (replacing ? added : [...all, ...added]));
    added.forEach(start);
  }, [items, max, forget, start]);

  const remove = useCallback((item: UploadItem) => {
    forget(item);
    setItems((all) => all.filter((i) => i.key !== item.key));
  }, [forget]);

  return { items, max, tooMany, ...uploadsSummary(items), add, retry: start, remove };
}
