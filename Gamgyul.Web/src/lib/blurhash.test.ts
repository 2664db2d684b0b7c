import { describe, expect, it } from 'vitest';
import { decodeBlurHash, isBlurHash } from './blurhash';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';
const encode83 = (value: number, length: number) => {
  let text = '';
  for (let i = length - 1; i >= 0; i--) text += alphabet[Math.floor(value / 83 ** i) % 83];
  return text;
};

describe('BlurHash decoder', () => {
  it('decodes a one-component hash to its solid colour', () => {
    // size 0 (1x1 component), max AC 0, DC = rgb(255, 138, 0) (the brand orange).
    const hash = '0' + '0' + encode83((255 << 16) | (138 << 8) | 0, 4);
    const pixels = decodeBlurHash(hash, 3, 2)!;
    expect(pixels).toHaveLength(3 * 2 * 4);
    for (let p = 0; p < 6; p++) expect([...pixels.slice(p * 4, p * 4 + 4)]).toEqual([255, 138, 0, 255]);
  });

  it('draws a horizontal component as a left-to-right change', () => {
    // 2x1 components: grey DC, one AC with all channels at the maximum positive value (quantised 18).
    const hash = encode83(1, 1) + encode83(82, 1) + encode83((128 << 16) | (128 << 8) | 128, 4) + encode83(18 * 19 * 19 + 18 * 19 + 18, 2);
    expect(isBlurHash(hash)).toBe(true);
    const pixels = decodeBlurHash(hash, 4, 1)!;
    const left = pixels[0];
    const right = pixels[4 * 3];
    expect(left).toBeGreaterThan(200);
    expect(right).toBeLessThan(60);
    expect(pixels[1]).toBe(left);
  });

  it('refuses malformed hashes', () => {
    for (const bad of ['', '00', 'LEHV6nWB2yk8pyo0adR*.7kCMdn', 'LEHV6nWB2yk8pyo0adR*.7kCMdnjj', '0000"0']) {
      expect(isBlurHash(bad)).toBe(false);
      expect(decodeBlurHash(bad, 4, 4)).toBeNull();
    }
    expect(isBlurHash('LEHV6nWB2yk8pyo0adR*.7kCMdnj')).toBe(true);
  });
});
