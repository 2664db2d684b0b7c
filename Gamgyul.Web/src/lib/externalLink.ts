/**
 * A product's store link, only when it is an absolute http(s) URL: a javascript: or data: URL from a
 * seller must never become a clickable link.
 */
export function safeExternalUrl(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
