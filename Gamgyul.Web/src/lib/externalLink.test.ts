import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './externalLink';

describe('safeExternalUrl', () => {
  it('keeps http and https links', () => {
    expect(safeExternalUrl('https://smartstore.example/tangerine')).toBe('https://smartstore.example/tangerine');
    expect(safeExternalUrl('http://shop.example/a?b=1')).toBe('http://shop.example/a?b=1');
  });

  it('refuses script, data and relative links', () => {
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('data:text/html,<script>1</script>')).toBeNull();
    expect(safeExternalUrl('/relative')).toBeNull();
    expect(safeExternalUrl('')).toBeNull();
  });
});
