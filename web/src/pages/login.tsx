import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { errorText } from '../api.js';
import { formValues } from '../components/action.js';
import { t } from '../i18n/index.js';
import { landingPath } from '../nav.js';
import { signIn } from '../session/session.js';

/**
 * Sign-in. Failures show the API's own message (wrong password, disabled account, or the lockout
 * that says how many minutes to wait) verbatim, in the current language.
 */
export function LoginPage() {
  const navigate = useNavigate();
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
    </section>
  );
}
