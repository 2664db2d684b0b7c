import { describe, expect, it } from 'vitest';
import { formatPrice, MAX_PRICE, parsePrice, priceInputText } from './price';

describe('price input', () => {
  it('takes whole won as people type them', () => {
    expect(parsePrice('15000')).toEqual({ ok: true, value: 15000 });
    expect(parsePrice(' 15,000 ')).toEqual({ ok: true, value: 15000 });
    expect(parsePrice('15 000원')).toEqual({ ok: true, value: 15000 });
    expect(parsePrice('₩1,200')).toEqual({ ok: true, value: 1200 });
    expect(parsePrice('１２３')).toEqual({ ok: true, value: 123 });
    expect(parsePrice('0')).toEqual({ ok: true, value: 0 });
    expect(parsePrice('500.00')).toEqual({ ok: true, value: 500 });
  });

  it('says why a price is refused', () => {
    expect(parsePrice('')).toEqual({ ok: false, error: 'required' });
    expect(parsePrice('  ')).toEqual({ ok: false, error: 'required' });
    expect(parsePrice('-5')).toEqual({ ok: false, error: 'negative' });
    expect(parsePrice('12.5')).toEqual({ ok: false, error: 'notWhole' });
    expect(parsePrice('12a')).toEqual({ ok: false, error: 'invalid' });
    expect(parsePrice('1e5')).toEqual({ ok: false, error: 'invalid' });
    expect(parsePrice('0x10')).toEqual({ ok: false, error: 'invalid' });
    expect(parsePrice(String(MAX_PRICE))).toEqual({ ok: true, value: MAX_PRICE });
    expect(parsePrice(String(MAX_PRICE + 1))).toEqual({ ok: false, error: 'tooLarge' });
  });

  it('shows a stored price grouped for editing, and reads it back', () => {
    expect(priceInputText(1234567)).toBe('1,234,567');
    expect(parsePrice(priceInputText(1234567))).toEqual({ ok: true, value: 1234567 });
  });

  it('formats for reading in either language', () => {
    expect(formatPrice('ko', 15000, 'KRW')).toBe('₩15,000');
    expect(formatPrice('en', 15000, 'KRW')).toBe('₩15,000');
    expect(formatPrice('en', 12.5, 'NOPE')).toBe('12.5 NOPE');
  });
});
