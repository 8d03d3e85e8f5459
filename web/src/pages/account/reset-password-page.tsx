import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { answer, api, errorText, type Answer } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { pick, t } from '../../i18n/index.js';

type Sent = Answer<typeof api.auth.password.forgot.$post>;

/**
 * Quên mật khẩu and Đặt mật khẩu mới, for every role: ask for a code, then set the password with
 * it. An admin's reset sends a code that works here too (the link in the officer's email opens
 * this page with `?login=`); invitations have their own page, `/invitation`.
 */
export default function ResetPasswordPage() {
  const [params] = useSearchParams<{ login?: string }>();
  const [login, setLogin] = createSignal(params.login ?? '');
  const [sent, setSent] = createSignal<Sent['message'] | null>(null);
  const [done, setDone] = createSignal(false);
  const ask = createAction(async (v: Record<string, string>) => {
    const reply = await answer(api.auth.password.forgot.$post({ json: { login: v.login ?? '' } }));
    setLogin(v.login ?? '');
    setSent(reply.message);
  });
  const reset = createAction(async (v: Record<string, string>) => {
    await answer(api.auth.password.reset.$post({ json: { login: v.login ?? '', code: v.code ?? '', newPassword: v.newPassword ?? '' } }));
    setDone(true);
  });
  const resetFailure = () => (reset.problem('code') || reset.problem('newPassword') ? null : reset.error());
  return (
    <section class="narrow" aria-labelledby="reset-heading">
      <h1 id="reset-heading">{t('forgotHeading')}</h1>
      <Show
        when={!done()}
        fallback={
          <p role="status" data-testid="password-reset">
            {t('passwordReset')} <A href="/login">{t('goToSignIn')}</A>
          </p>
        }
      >
        <p>{t('forgotIntro')}</p>
        <form class="stack-form" data-testid="forgot-form" onSubmit={(e) => void ask.run(formValues(e))}>
          <Field
            id="f-login"
            name="login"
            label={t('loginOrContact')}
            value={login()}
            required
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
          />
          <Show when={ask.error()}>
            {(e) => (
              <p role="alert" class="error">
                {errorText(e(), t('actionFailed'))}
              </p>
            )}
          </Show>
          <button type="submit" disabled={ask.busy()}>
            {ask.busy() ? t('sendingCode') : t('sendCode')}
          </button>
        </form>
        <Show when={sent()}>
          {(m) => (
            <p role="status" data-testid="code-sent">
              {pick(m())}
            </p>
          )}
        </Show>
        <h2>{t('resetHeading')}</h2>
        <form class="stack-form" data-testid="reset-form" onSubmit={(e) => void reset.run(formValues(e))}>
          <Field
            id="r-login"
            name="login"
            label={t('loginOrContact')}
            value={login()}
            required
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
          />
          <Field
            id="r-code"
            name="code"
            label={t('codeLabel')}
            hint={t('codeHint')}
            problem={reset.problem('code')}
            required
            inputmode="numeric"
            autocomplete="one-time-code"
          />
          <Field
            id="r-password"
            name="newPassword"
            type="password"
            label={t('newPassword')}
            hint={t('passwordHint')}
            problem={reset.problem('newPassword')}
            required
            autocomplete="new-password"
          />
          <Show when={resetFailure()}>
            {(e) => (
              <p role="alert" class="error">
                {errorText(e(), t('actionFailed'))}
              </p>
            )}
          </Show>
          <button type="submit" class="primary" disabled={reset.busy()}>
            {reset.busy() ? t('resetting') : t('resetSubmit')}
          </button>
        </form>
      </Show>
    </section>
  );
}
