import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';
import { signUp } from './authApi';
import { GoogleButton } from './GoogleButton';

export default function SignupPage() {
  const t = useT();
  const navigate = useNavigate();
  const [form, setForm] = useState({ email: '', username: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [pending, setPending] = useState(false);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.password !== form.confirm) {
      setErrors({ confirm: t('auth.mismatch') });
      return;
    }
    setPending(true);
    setErrors({});
    try {
      await signUp(form.email, form.username, form.password);
      navigate('/', { replace: true });
    } catch (e) {
      // Every field's message from the Api is shown next to its input (the original dropped most).
      if (e instanceof ApiError && e.status < 500) {
        setErrors({
          email: e.fieldError('email'),
          username: e.fieldError('username'),
          password: e.fieldError('password1') ?? e.fieldError('password'),
          form: e.problem.errors ? undefined : e.message,
        });
      } else {
        setErrors({ form: t('common.error') });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="page page--narrow">
      <h1>{t('auth.signup')}</h1>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('auth.email')} type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={errors.email} />
        <TextField label={t('auth.username')} autoComplete="nickname" required maxLength={25} value={form.username} onChange={set('username')} error={errors.username} />
        <TextField label={t('auth.password')} type="password" autoComplete="new-password" required value={form.password} onChange={set('password')} error={errors.password} />
        <TextField label={t('auth.passwordConfirm')} type="password" autoComplete="new-password" required value={form.confirm} onChange={set('confirm')} error={errors.confirm} />
        {errors.form && <p className="field__error" role="alert">{errors.form}</p>}
        <Button type="submit" block pending={pending}>{t('auth.signup')}</Button>
      </form>
      <GoogleButton returnTo="/" />
      <p className="form__alt"><Link to="/login">{t('auth.toLogin')}</Link></p>
    </section>
  );
}
