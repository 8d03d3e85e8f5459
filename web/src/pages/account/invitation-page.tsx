import { A, useLocation, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { answer, api, errorText } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { t } from '../../i18n/index.js';

/** The code from the link's fragment (`#code=123456`), which the browser never sends to a server. */
function codeFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('code') ?? '';
}

/**
 * Kích hoạt tài khoản cán bộ: the link in an invitation (a new officer, an appointed province
 * admin) opens this page with the login and the code; the person chooses their own password,
 * so no admin ever knows it (docs/domain/account-authority.md#invitations). The code is then
 * spent, and the fragment is dropped from the address bar.
 */
export default function InvitationPage() {
  const [params] = useSearchParams<{ login?: string }>();
  const location = useLocation();
  const code = codeFromHash(location.hash);
  if (code) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  const [done, setDone] = createSignal(false);
  const accept = createAction(async (v: Record<string, string>) => {
    await answer(api.auth.password.reset.$post({ json: { login: v.login ?? '', code: v.code ?? '', newPassword: v.newPassword ?? '' } }));
    setDone(true);
  });
  const failure = () => (accept.problem('code') || accept.problem('newPassword') || accept.problem('login') ? null : accept.error());
  return (
    <section class="narrow" aria-labelledby="invitation-heading">
      <h1 id="invitation-heading">{t('invitationHeading')}</h1>
      <Show
        when={!done()}
        fallback={
          <p role="status" data-testid="invitation-accepted">
            {t('invitationDone')} <A href="/login">{t('goToSignIn')}</A>
          </p>
        }
      >
        <p>{t('invitationIntro')}</p>
        <form class="stack-form" data-testid="invitation-form" onSubmit={(e) => void accept.run(formValues(e))}>
          <Field
            id="i-login"
            name="login"
            label={t('invitationLogin')}
            value={params.login ?? ''}
            problem={accept.problem('login')}
            required
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
          />
          <Field
            id="i-code"
            name="code"
            label={t('codeLabel')}
            hint={t('invitationCodeHint')}
            value={code}
            problem={accept.problem('code')}
            required
            inputmode="numeric"
            autocomplete="one-time-code"
          />
          <Field
            id="i-password"
            name="newPassword"
            type="password"
            label={t('newPassword')}
            hint={t('passwordHint')}
            problem={accept.problem('newPassword')}
            required
            autocomplete="new-password"
          />
          <Show when={failure()}>
            {(e) => (
              <p role="alert" class="error">
                {errorText(e(), t('actionFailed'))}
              </p>
            )}
          </Show>
          <Show when={accept.problem('code')}>
            <p class="hint">{t('invitationExpiredHint')}</p>
          </Show>
          <button type="submit" class="primary" disabled={accept.busy()}>
            {accept.busy() ? t('resetting') : t('invitationSubmit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
