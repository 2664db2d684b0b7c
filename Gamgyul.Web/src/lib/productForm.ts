import type { MessageKey } from '../i18n/messages';
import { parsePrice, type PriceError } from './price';

// The product form's own checks, the same limits as the Api's ProductFieldsValidator, so most mistakes are said
// before a round trip. The Api still decides: a store link on a private host, say, is only refused there.

export const NAME_MIN = 2;
export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 5000;
export const LINK_MAX = 1000;

export interface ProductFormValues {
  name: string;
  description: string;
  price: string;
  productLink: string;
}

/** The body fields of POST /products/ and PATCH /products/{uuid}/, without images. */
export interface ProductBody {
  name: string;
  description: string;
  price: number;
  currency: 'KRW';
  product_link: string;
}

/** Form errors by the Api's field names, so the Api's own refusals land in the same places. */
export type ProductFormErrors = Partial<Record<'name' | 'description' | 'price' | 'product_link', MessageKey>>;

const priceMessages: Record<PriceError, MessageKey> = {
  required: 'productForm.priceRequired',
  negative: 'productForm.priceNegative',
  notWhole: 'productForm.priceWhole',
  invalid: 'productForm.priceInvalid',
  tooLarge: 'productForm.priceTooLarge',
};

/** Only absolute http(s) links: the product page opens the store, and a javascript: link must never get there. */
export function isWebLink(link: string): boolean {
  try {
    const url = new URL(link);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function validateProductForm(values: ProductFormValues): { errors: ProductFormErrors; body?: ProductBody } {
  const errors: ProductFormErrors = {};
  const name = values.name.trim();
  if (name.length < NAME_MIN || name.length > NAME_MAX) errors.name = 'productForm.nameLength';
  const description = values.description.trim();
  if (description.length > DESCRIPTION_MAX) errors.description = 'productForm.descriptionLength';
  const price = parsePrice(values.price);
  if (!price.ok) errors.price = priceMessages[price.error];
  const link = values.productLink.trim();
  if (link === '') errors.product_link = 'productForm.linkRequired';
  else if (link.length > LINK_MAX || !isWebLink(link)) errors.product_link = 'productForm.linkInvalid';
  if (Object.keys(errors).length > 0 || !price.ok) return { errors };
  return { errors, body: { name, description, price: price.value, currency: 'KRW', product_link: link } };
}

/** For PATCH: only the fields that differ from the product as loaded (images are compared by the caller). */
export function changedProductFields(before: ProductBody, after: ProductBody): Partial<ProductBody> {
  const changed: Partial<ProductBody> = {};
  if (after.name !== before.name) changed.name = after.name;
  if (after.description !== before.description) changed.description = after.description;
  if (after.price !== before.price) changed.price = after.price;
  if (after.product_link !== before.product_link) changed.product_link = after.product_link;
  return changed;
}
