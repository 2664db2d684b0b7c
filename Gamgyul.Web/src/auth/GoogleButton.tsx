import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useT } from '../i18n/i18n';
import { authorizeUrl, canRedirectHere, createState, rememberState, type GoogleConfig } from '../lib/googleSignIn';

/**
 * "Continue with Google" on the log-in and sign-up pages, shown only when the Api reports Google sign-in configured
 * with a redirect back to this app (GET /accounts/google/config/ answers 404 otherwise, and the button stays away).
 */
export function GoogleButton({ returnTo }: { returnTo: string }) {
  const t = useT();
  const config = useQuery({
    queryKey: ['google', 'config'],
    queryFn: ({ signal }) => api<GoogleConfig>('/accounts/google/config/', { signal }),
    retry: false,
    staleTime: Infinity,
  });
  if (!config.data || !canRedirectHere(config.data, window.location.origin)) return null;
  const google = config.data;

  function start() {
    const state = createState();
    try {
      rememberState(sessionStorage, state, returnTo);
    } catch {
      return; // No sessionStorage (a locked-down browser): the state could not be checked, so do not start.
    }
    window.location.assign(authorizeUrl(google, state));
  }

  return (
    <>
      <p className="form__divider muted" aria-hidden="true">—</p>
      <button type="button" className="btn btn--secondary btn--block google-btn" onClick={start} data-testid="google-sign-in">
        <span aria-hidden="true" className="google-btn__mark">G</span> {t('google.signIn')}
      </button>
    </>
  );
}
