// Prices of products. The form takes whole won (KRW has no minor unit, and the Api refuses decimals for it), typed
// the way people write them: "15000", "15,000", "15 000원", "₩15,000".

/** The largest price the Api's column holds (numeric(14,2), whole won). */
export const MAX_PRICE = 999_999_999_999;

export type PriceError = 'required' | 'negative' | 'notWhole' | 'invalid' | 'tooLarge';

export type ParsedPrice = { ok: true; value: number } | { ok: false; error: PriceError };

/** A typed price as whole won, or why it is not one. */
export function parsePrice(input: string): ParsedPrice {
  const text = input.normalize('NFKC').replace(/[\s,_]/g, '').replace(/^₩|원$|^krw|krw$/gi, '');
  if (text === '') return { ok: false, error: 'required' };
  if (/^-\d/.test(text)) return { ok: false, error: 'negative' };
  if (/^\d+[.]\d*$/.test(text)) return /^\d+[.]0*$/.test(text) ? checked(Number(text.split('.')[0])) : { ok: false, error: 'notWhole' };
  if (!/^\d+$/.test(text)) return { ok: false, error: 'invalid' };
  return checked(Number(text));
}

function checked(value: number): ParsedPrice {
  return value > MAX_PRICE ? { ok: false, error: 'tooLarge' } : { ok: true, value };
}

/** A price as the form shows it for editing: digits grouped by commas, no currency sign ("15,000"). */
export function priceInputText(value: number): string {
  return Math.trunc(value).toLocaleString('en-US');
}

/** A price for reading, in the reader's language: "₩15,000" (ko) or "₩15,000" with en grouping; unknown currencies plainly. */
export function formatPrice(locale: string, price: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency }).format(price);
  } catch {
    return `${price} ${currency}`;
  }
}
