import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { checkCallback } from '../lib/googleSignIn';
import { Spinner } from '../ui/States';
import { logInWithGoogle } from './authApi';

/** Where Google sends the user back: checks the state, hands the code to the Api, and goes on signed in. */
export default function GoogleCallbackPage() {
  const t = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  // The check consumes the stored state, so it runs once even when React runs effects twice in development.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    let check;
    try {
      check = checkCallback(sessionStorage, window.location.search);
    } catch {
      check = { ok: false as const, reason: 'state' as const };
    }
    if (!check.ok) {
      setError(check.reason === 'denied' ? t('google.denied') : t('google.stateMismatch'));
      return;
    }
    const { code, returnTo } = check;
    logInWithGoogle(code)
      .then(() => navigate(returnTo, { replace: true }))
      .catch((e: unknown) => setError(e instanceof ApiError && e.status < 500 ? `${t('google.failed')} ${e.fieldError('code') ?? e.fieldError('non_field_errors') ?? ''}`.trim() : t('common.error')));
  }, [navigate, t]);

  return (
    <section className="page page--narrow">
      <h1>{t('auth.login')}</h1>
      {error ? (
        <div className="state state--error" role="alert">
          <p>{error}</p>
          <Link to="/login" replace>{t('google.backToLogin')}</Link>
        </div>
      ) : <Spinner label={t('google.working')} />}
    </section>
  );
}
