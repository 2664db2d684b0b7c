import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import type { Product } from '../../api/types';
import { useLocale, useT } from '../../i18n/i18n';
import { safeExternalUrl } from '../../lib/externalLink';
import { Avatar } from '../../ui/Avatar';
import { ErrorState, Spinner } from '../../ui/States';
import { ReportButton } from '../reports/ReportDialog';
import { formatPrice } from '../../lib/price';

export default function ProductPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const uuid = useParams().uuid ?? '';
  const me = useSession((s) => s.user);
  const product = useQuery({ queryKey: ['product', uuid], queryFn: ({ signal }) => api<Product>(`/products/${uuid}/`, { signal }) });

  if (product.isPending) return <Spinner />;
  if (product.isError) {
    const missing = product.error instanceof ApiError && (product.error.status === 404 || product.error.status === 400);
    return <ErrorState message={missing ? t('common.notFound') : undefined} onRetry={missing ? undefined : () => product.refetch()} />;
  }

  const p = product.data;
  const link = safeExternalUrl(p.product_link);
  const images = p.images.length > 0 ? p.images : p.product_image_link ? [p.product_image_link] : [];
  return (
    <article className="page product">
      {images.map((src) => <img key={src} className="product__image" src={src} alt="" />)}
      <h1>{p.name}</h1>
      <p className="product__price">{formatPrice(locale, p.price, p.currency)}</p>
      <Link to={`/users/${p.user.handle}`} className="user-row">
        <Avatar src={p.user.profile.profile_image} name={p.user.username} size="sm" />
        <span>{p.user.username}</span>
      </Link>
      <p className="product__description">{p.description}</p>
      {/* The store is someone else's site: no opener access, no referrer. */}
      {link
        ? <a className="btn btn--primary btn--md btn--block" href={link} target="_blank" rel="noopener noreferrer">{t('market.buy')}</a>
        : <p className="field__error">{t('market.unsafeLink')}</p>}
      {me?.handle === p.user.handle
        ? <Link to={`/market/${p.uuid}/edit`} className="btn btn--secondary btn--md btn--block">{t('market.edit')}</Link>
        : <ReportButton targetType="product" targetId={p.uuid} />}
    </article>
  );
}
