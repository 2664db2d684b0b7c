import { describe, expect, it } from 'vitest';
import { cursorFromLink, mergePages, type CursorPage } from './paging';

const page = <T,>(results: T[], next: string | null = null): CursorPage<T> => ({ next, previous: null, results });

describe('cursorFromLink', () => {
  it('reads the cursor of an absolute next link', () => {
    expect(cursorFromLink('http://localhost:5080/posts/latest?cursor=abc%3D%3D&page_size=10')).toBe('abc==');
  });

  it('reads a relative link too', () => {
    expect(cursorFromLink('/posts/follows/?page_size=5&cursor=xyz')).toBe('xyz');
  });

  it('is undefined on the last page or when the link has no cursor', () => {
    expect(cursorFromLink(null)).toBeUndefined();
    expect(cursorFromLink('http://localhost/posts/latest?page=2')).toBeUndefined();
  });
});

describe('mergePages', () => {
  it('concatenates pages in order', () => {
    const merged = mergePages([page([{ id: 'a' }, { id: 'b' }], 'x'), page([{ id: 'c' }])], (i) => i.id);
    expect(merged.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the first copy of an item repeated across a page boundary', () => {
    const merged = mergePages([
      page([{ id: 'a', v: 1 }, { id: 'b', v: 1 }]),
      page([{ id: 'b', v: 2 }, { id: 'c', v: 2 }]),
    ], (i) => i.id);
    expect(merged).toEqual([{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c', v: 2 }]);
  });

  it('is empty before anything loaded', () => {
    expect(mergePages(undefined, (i: { id: string }) => i.id)).toEqual([]);
  });
});
