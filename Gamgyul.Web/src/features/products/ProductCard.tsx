import { Link } from 'react-router';
import type { Product } from '../../api/types';
import { useLocale } from '../../i18n/i18n';
import { formatPrice } from '../../lib/price';

export function ProductCard({ product }: { product: Product }) {
  const locale = useLocale((s) => s.locale);
  const image = product.images[0] ?? product.product_image_link;
  return (
    <Link to={`/market/${product.uuid}`} className="product-card" data-testid="product">
      {image ? <img src={image} alt="" loading="lazy" /> : <span className="product-card__placeholder" aria-hidden="true">🍊</span>}
      <span className="product-card__name">{product.name}</span>
      <span className="product-card__price">{formatPrice(locale, product.price, product.currency)}</span>
    </Link>
  );
}
