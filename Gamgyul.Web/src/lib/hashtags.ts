// Hashtags the way the Api reads them (Gamgyul.Api/Posts/TagParser.cs), so what the composer
// highlights is exactly what the server will store: a '#' that starts a word, then letters of any
// script (Hangul included), marks, digits or '_'; tags are NFC, lower case, unique, at most 50 long.

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 50;

// Not after a letter, digit, '_' or '&' (so "a#b" and HTML entities like "&#39;" are not tags).
const hashtagPattern = /(?<![\p{L}\p{M}\p{Nd}_&])#([\p{L}\p{M}\p{Nd}_]+)/gu;

/** One canonical tag, or null when the text cannot be a tag. */
export function normalizeTag(raw: string): string | null {
  const tag = raw.normalize('NFC').trim().replace(/^#+/, '').replace(/\s+/gu, '').toLowerCase();
  if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) return null;
  return /^[\p{L}\p{M}\p{Nd}_]+$/u.test(tag) ? tag : null;
}

/** The text's hashtags, normalised and de-duplicated, in order of first appearance. */
export function extractHashtags(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.normalize('NFC').matchAll(hashtagPattern)) {
    const tag = normalizeTag(match[1]);
    if (tag !== null && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'tag'; text: string; tag: string };

/** The text cut into plain runs and hashtags, for highlighting; joining every segment's text gives the input back. */
export function segmentHashtags(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(hashtagPattern)) {
    const start = match.index ?? 0;
    const tag = normalizeTag(match[1]);
    if (tag === null) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'tag', text: match[0], tag });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
