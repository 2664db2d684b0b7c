import { Link } from 'react-router';
import { useT } from '../i18n/i18n';

export default function NotFoundPage() {
  const t = useT();
  return (
    <section className="page state">
      <h1>{t('common.notFound')}</h1>
      <Link to="/" className="btn btn--primary btn--md">{t('common.backHome')}</Link>
    </section>
  );
}
