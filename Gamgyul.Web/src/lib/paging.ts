// Cursor pages as the Api returns them: {next, previous, results}, where next is an absolute URL
// that carries the opaque ?cursor= of the following page (null on the last page).

export interface CursorPage<T> {
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The cursor of the page a `next` link points at, or undefined when there is no next page. */
export function cursorFromLink(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const cursor = new URL(link, 'http://placeholder.invalid').searchParams.get('cursor');
    return cursor ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every loaded page's items in order, each key once: a post created while the user scrolls shifts the
 * newest-first list, so an item can show up at the end of one page and again at the start of the next.
 */
export function mergePages<T>(pages: ReadonlyArray<CursorPage<T>> | undefined, keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const items: T[] = [];
  for (const page of pages ?? []) {
    for (const item of page.results) {
      const key = keyOf(item);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}
