import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { Button } from './Button';

export function Spinner({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="state" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="state state--empty">{children}</p>;
}

export function ErrorState({ onRetry, message }: { onRetry?: () => void; message?: string }) {
  const t = useT();
  return (
    <div className="state state--error" role="alert">
      <p>{message ?? t('common.error')}</p>
      {onRetry && <Button variant="secondary" size="sm" onClick={onRetry}>{t('common.retry')}</Button>}
    </div>
  );
}
