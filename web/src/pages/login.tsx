import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { errorText } from '../api.js';
import { formValues } from '../components/action.js';
import { t, type MessageKey } from '../i18n/index.js';
import { landingPath } from '../nav.js';
import { loadSession, signIn } from '../session/session.js';

/** How a VNeID sign-in ended, as the API's callback says in `?vneid=`. */
const VNEID_OUTCOMES: Record<string, MessageKey> = {
  denied: 'vneidDenied',
  state: 'vneidState',
  provider: 'vneidProvider',
  invalid: 'vneidInvalid',
  no_officer_account: 'vneidNoOfficer',
  ambiguous_officer: 'vneidAmbiguousOfficer',
  disabled: 'vneidDisabled',
  unavailable: 'vneidUnavailable',
};

/**
 * Sign-in. Failures show the API's own message (wrong password, disabled account, or the lockout
 * that says how many minutes to wait) verbatim, in the current language. "Đăng nhập bằng VNeID"
 * is a plain link: the browser goes to the identity provider and comes back here with
 * `?vneid=ok` (signed in) or the reason it was not.
 */
export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ vneid?: string }>();
  const vneidFailure = () => VNEID_OUTCOMES[params.vneid ?? ''];
  onMount(() => {
    if (params.vneid !== 'ok') return;
    void loadSession().then(() => navigate(landingPath(), { replace: true }));
  });
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    const values = formValues(event);
    setBusy(true);
    setError(null);
    try {
      await signIn(values.login ?? '', values.password ?? '');
      navigate(landingPath(), { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="narrow" aria-labelledby="login-heading">
      <h1 id="login-heading">{t('loginHeading')}</h1>
      <Show when={params.vneid === 'ok'}>
        <p role="status">{t('vneidSigningIn')}</p>
      </Show>
      <Show when={vneidFailure()}>
        {(key) => (
          <div role="alert" class="error" aria-labelledby="vneid-failed-heading">
            <h2 id="vneid-failed-heading">{t('vneidFailedHeading')}</h2>
            <p>{t(key())}</p>
          </div>
        )}
      </Show>
      <p>{t('loginIntro')}</p>
      <form class="stack-form" onSubmit={(e) => void submit(e)} aria-describedby={error() ? 'login-error' : undefined}>
        <label for="login">{t('loginName')}</label>
        <input id="login" name="login" autocomplete="username" required autocapitalize="none" spellcheck={false} />
        <label for="password">{t('password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <Show when={error()}>
          {(e) => (
            <p id="login-error" role="alert" class="error">
              {errorText(e(), t('actionFailed'))}
            </p>
          )}
        </Show>
        <button type="submit" class="primary" disabled={busy()}>
          {busy() ? t('signingIn') : t('signIn')}
        </button>
      </form>
      <p>
        <A href="/reset-password">{t('forgotPasswordLink')}</A> · <A href="/sign-up">{t('signUpLink')}</A>
      </p>
      <p>{t('vneidOr')}</p>
      {/* Full-page navigations to the API, which redirects to the identity provider. */}
      <p>
        <a class="primary link-as-button" href="/api/auth/vneid/start?as=citizen" rel="external">
          {t('vneidCitizen')}
        </a>
      </p>
      <p>
        <a href="/api/auth/vneid/start?as=officer" rel="external">
          {t('vneidOfficer')}
        </a>
      </p>
      <p class="hint">{t('vneidHint')}</p>
    </section>
  );
}
