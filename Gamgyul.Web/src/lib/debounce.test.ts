import { describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

describe('debounce', () => {
  it('runs only the last call, once the delay has passed without another call', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const search = debounce((q: string) => seen.push(q), 300);
    search('감');
    vi.advanceTimersByTime(200);
    search('감귤');
    vi.advanceTimersByTime(299);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['감귤']);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['감귤']);
    vi.useRealTimers();
  });

  it('cancel drops the pending call and flush runs it at once', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const search = debounce((q: string) => seen.push(q), 300);
    search('a');
    search.cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
    search('b');
    search.flush();
    expect(seen).toEqual(['b']);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['b']);
    search.flush();
    expect(seen).toEqual(['b']);
    vi.useRealTimers();
  });
});
