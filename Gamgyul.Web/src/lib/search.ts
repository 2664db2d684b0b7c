import { normalizeTag } from './hashtags';

// What the search box sends to GET /search/ (Gamgyul.Api/Search/SearchHandlers.cs): 1 to 100 characters
// after trimming, type posts | products | users.

export type SearchType = 'posts' | 'users' | 'products';
export const SEARCH_TYPES: readonly SearchType[] = ['posts', 'users', 'products'];
export const MAX_QUERY_LENGTH = 100;

/** The query as the Api will see it: trimmed, inner runs of spaces made one, cut to the Api's limit; '' means "do not search". */
export function normalizeQuery(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/gu, ' ').slice(0, MAX_QUERY_LENGTH).trim();
}

export function parseSearchType(raw: string | null | undefined): SearchType {
  return SEARCH_TYPES.includes(raw as SearchType) ? (raw as SearchType) : 'posts';
}

/** The Api path of the first page, or null when there is nothing to search for. */
export function searchPath(query: string, type: SearchType): string | null {
  const q = normalizeQuery(query);
  if (!q) return null;
  return `/search/?q=${encodeURIComponent(q)}&type=${type}`;
}

/**
 * The tag a query names, for a link to its tag page: "#감귤" or a single word that is a valid tag
 * ("감귤"); null for phrases ("감귤 농장") and for text that can never be a tag.
 */
export function tagOfQuery(query: string): string | null {
  const q = normalizeQuery(query);
  if (!q || q.includes(' ')) return null;
  if (q.startsWith('@')) return null;
  return normalizeTag(q);
}
