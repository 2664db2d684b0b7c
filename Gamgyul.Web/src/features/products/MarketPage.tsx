import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import type { Product } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { useT } from '../../i18n/i18n';
import { InfiniteList } from '../../ui/InfiniteList';
import { TextField } from '../../ui/TextField';
import { ProductCard } from './ProductCard';

/** Products newest first with a name filter (debounced), and the recommended ones on top. */
export default function MarketPage() {
  const t = useT();
  const signedIn = useSession((s) => s.status === 'signedIn');
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);

  const products = useCursorList<Product>(['products', 'list', query], query ? `/products/?q=${encodeURIComponent(query)}` : '/products/', (p) => p.uuid, { pageSize: 20 });
  const recommended = useQuery({
    queryKey: ['products', 'recommend'],
    queryFn: ({ signal }) => api<{ results: Product[] } | Product[]>('/products/recommend/?page_size=6', { signal }),
  });
  const recommendedItems = Array.isArray(recommended.data) ? recommended.data : recommended.data?.results ?? [];

  return (
    <section className="page">
      <div className="page__header">
        <h1>{t('market.title')}</h1>
        {signedIn && <Link to="/market/new" className="btn btn--primary btn--sm">{t('market.sell')}</Link>}
      </div>
      <TextField label={t('market.search')} type="search" value={input} onChange={(e) => setInput(e.target.value)} />
      {!query && recommendedItems.length > 0 && (
        <section aria-labelledby="recommended-heading">
          <h2 id="recommended-heading">{t('market.recommended')}</h2>
          <div className="product-grid">{recommendedItems.map((p) => <ProductCard key={p.uuid} product={p} />)}</div>
        </section>
      )}
      <InfiniteList {...products} items={products.items} keyOf={(p) => p.uuid} render={(p) => <ProductCard product={p} />} empty={t('market.empty')} />
    </section>
  );
}
