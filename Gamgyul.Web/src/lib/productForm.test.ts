import { describe, expect, it } from 'vitest';
import { changedProductFields, isWebLink, validateProductForm } from './productForm';

const valid = { name: '제주 감귤 5kg', description: ' 달아요 ', price: '25,000', productLink: 'https://store.example.com/gyul' };

describe('product form', () => {
  it('turns valid input into the Api body (trimmed, whole won, KRW)', () => {
    expect(validateProductForm(valid)).toEqual({
      errors: {},
      body: { name: '제주 감귤 5kg', description: '달아요', price: 25000, currency: 'KRW', product_link: 'https://store.example.com/gyul' },
    });
  });

  it('checks the name length as the Api does (2 to 100 after trimming)', () => {
    expect(validateProductForm({ ...valid, name: ' a ' }).errors.name).toBe('productForm.nameLength');
    expect(validateProductForm({ ...valid, name: 'ab' }).errors.name).toBeUndefined();
    expect(validateProductForm({ ...valid, name: 'x'.repeat(101) }).errors.name).toBe('productForm.nameLength');
    expect(validateProductForm({ ...valid, name: 'x'.repeat(101) }).body).toBeUndefined();
  });

  it('names each price mistake', () => {
    expect(validateProductForm({ ...valid, price: '' }).errors.price).toBe('productForm.priceRequired');
    expect(validateProductForm({ ...valid, price: '-1' }).errors.price).toBe('productForm.priceNegative');
    expect(validateProductForm({ ...valid, price: '1.5' }).errors.price).toBe('productForm.priceWhole');
    expect(validateProductForm({ ...valid, price: 'free' }).errors.price).toBe('productForm.priceInvalid');
  });

  it('takes only http(s) store links', () => {
    expect(validateProductForm({ ...valid, productLink: '' }).errors.product_link).toBe('productForm.linkRequired');
    expect(validateProductForm({ ...valid, productLink: 'javascript:alert(1)' }).errors.product_link).toBe('productForm.linkInvalid');
    expect(validateProductForm({ ...valid, productLink: 'ftp://store.example.com' }).errors.product_link).toBe('productForm.linkInvalid');
    expect(validateProductForm({ ...valid, productLink: 'store.example.com' }).errors.product_link).toBe('productForm.linkInvalid');
    expect(isWebLink('http://store.example.com')).toBe(true);
    expect(isWebLink('data:text/html,hi')).toBe(false);
  });

  it('sends only what changed in a patch', () => {
    const before = { name: 'a', description: 'b', price: 1, currency: 'KRW' as const, product_link: 'https://x.example.com' };
    expect(changedProductFields(before, { ...before })).toEqual({});
    expect(changedProductFields(before, { ...before, price: 2, description: '' })).toEqual({ price: 2, description: '' });
  });
});
