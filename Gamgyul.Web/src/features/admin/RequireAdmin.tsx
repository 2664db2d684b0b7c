import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { RequireAuth } from '../../app/RequireAuth';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { ErrorState } from '../../ui/States';
import './admin.css';

/**
 * Admin pages: signed in, and `is_staff` on the caller's own account (GET /accounts/me/). The Api enforces the
 * admin role on every /reports/ admin route; this only spares others a page of 403s.
 */
export function RequireAdmin({ children }: { children: ReactNode }) {
  return <RequireAuth><AdminOnly>{children}</AdminOnly></RequireAuth>;
}

function AdminOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const isAdmin = useSession((s) => s.user?.is_staff === true);
  if (!isAdmin) return <ErrorState message={t('admin.only')} />;
  return (
    <section className="page admin">
      <nav className="admin__nav" aria-label={t('admin.sections')}>
        <NavLink to="/admin" end className="admin__navlink">{t('admin.queue')}</NavLink>
        <NavLink to="/admin/stats" className="admin__navlink">{t('admin.stats')}</NavLink>
      </nav>
      {children}
    </section>
  );
}
