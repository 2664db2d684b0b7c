import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { logOut } from '../auth/authApi';
import { useSession } from '../auth/session';
import { useLocale, useT } from '../i18n/i18n';
import { Spinner } from '../ui/States';
import { queryClient } from './queryClient';

/** The shell: a top bar, the page, and the navigation (a bottom bar on phones, a side rail on desktops). */
export function Layout() {
  const t = useT();
  const navigate = useNavigate();
  const { status, user } = useSession();
  const { locale, setLocale } = useLocale();

  async function handleLogout() {
    await logOut();
    queryClient.clear();
    navigate('/login');
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">{locale === 'ko' ? '본문으로 건너뛰기' : 'Skip to content'}</a>
      <header className="topbar">
        <NavLink to="/" className="brand">🍊 {t('app.name')}</NavLink>
        <div className="topbar__actions">
          <button type="button" className="link-btn" onClick={() => setLocale(locale === 'ko' ? 'en' : 'ko')} lang={locale === 'ko' ? 'en' : 'ko'}>
            {t('lang.switch')}
          </button>
          {user?.is_staff && <NavLink to="/admin" className="link-btn">{t('nav.admin')}</NavLink>}
          {status === 'signedIn' ? (
            <button type="button" className="link-btn" onClick={handleLogout}>{t('nav.logout')}</button>
          ) : status === 'signedOut' ? (
            <NavLink to="/login" className="link-btn">{t('nav.login')}</NavLink>
          ) : null}
        </div>
      </header>
      <nav className="nav" aria-label={t('nav.main')}>
        <NavLink to="/" end className="nav__item"><span aria-hidden="true">🏠</span>{t('nav.home')}</NavLink>
        <NavLink to="/search" className="nav__item"><span aria-hidden="true">🔍</span>{t('nav.search')}</NavLink>
        <NavLink to="/market" className="nav__item"><span aria-hidden="true">🛒</span>{t('nav.market')}</NavLink>
        <NavLink to="/messages" className="nav__item"><span aria-hidden="true">💬</span>{t('nav.chat')}</NavLink>
        <NavLink to="/compose" className="nav__item"><span aria-hidden="true">✏️</span>{t('nav.compose')}</NavLink>
        <NavLink to={user ? `/users/${user.handle}` : '/login'} className="nav__item"><span aria-hidden="true">👤</span>{t('nav.profile')}</NavLink>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Spinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
