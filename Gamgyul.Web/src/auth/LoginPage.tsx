import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';
import { logIn } from './authApi';
import { GoogleButton } from './GoogleButton';
import { useSession } from './session';

/** Only a path inside this app may be returned to after signing in (no open redirect). */
export function safeReturnPath(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const expired = useSession((s) => s.endedReason === 'expired');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await logIn(email, password);
      navigate(safeReturnPath((location.state as { from?: string } | null)?.from), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status >= 500 ? t('common.error') : t('auth.failed'));
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="page page--narrow">
      <h1>{t('auth.login')}</h1>
      {expired && <p className="notice" role="status">{t('auth.expired')}</p>}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('auth.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('auth.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <p className="field__error" role="alert">{error}</p>}
        <Button type="submit" block pending={pending}>{t('auth.login')}</Button>
      </form>
      <GoogleButton returnTo={safeReturnPath((location.state as { from?: string } | null)?.from)} />
      <p className="form__alt"><Link to="/signup">{t('auth.toSignup')}</Link></p>
    </section>
  );
}
