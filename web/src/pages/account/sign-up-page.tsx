import { A, useLocation, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { answer, api, errorText, type Answer } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { pick, t } from '../../i18n/index.js';

type Sent = Answer<(typeof api.auth)['sign-up']['$post']>;
const optional = (value: string | undefined) => (value?.trim() ? value : undefined);

/**
 * Đăng ký tài khoản công dân, then the code that confirms the contact (also reachable alone at
 * `/verify`, the link in the email). The API answers sign-up the same way for a new and a taken
 * CCCD, email or phone, so this page only ever says "a code was sent if the details are valid";
 * "Gửi lại mã" asks for a new code for the login in the form, with the same kind of answer.
 */
export default function SignUpPage() {
  const [params] = useSearchParams<{ login?: string }>();
  const opensVerify = useLocation().pathname === '/verify';
  const [sent, setSent] = createSignal<{ login: string; message: Sent['message'] } | null>(
    opensVerify ? { login: params.login ?? '', message: { vi: '', en: '' } } : null,
  );
  const [verified, setVerified] = createSignal(false);
  const signUp = createAction(async (v: Record<string, string>) => {
    const email = optional(v.email);
    const phone = optional(v.phone);
    const reply = await answer(
      api.auth['sign-up'].$post({ json: { fullName: v.fullName ?? '', citizenId: v.citizenId ?? '', email, phone, password: v.password ?? '' } }),
    );
    setSent({ login: email ?? phone ?? '', message: reply.message });
  });
  const [login, setLogin] = createSignal('');
  const resend = createAction(async () => {
    const reply = await answer(api.auth['verify-contact'].resend.$post({ json: { login: login() || (sent()?.login ?? '') } }));
    setSent({ login: login() || (sent()?.login ?? ''), message: reply.message });
  });
  const verify = createAction(async (v: Record<string, string>) => {
    await answer(api.auth['verify-contact'].$post({ json: { login: v.login ?? '', code: v.code ?? '' } }));
    setVerified(true);
  });
  const failure = (action: { problem: (field: string) => string | undefined; error: () => unknown }, fields: string[]) =>
    fields.some((f) => action.problem(f)) ? null : action.error();
  return (
    <section class="narrow" aria-labelledby="sign-up-heading">
      <Show
        when={sent()}
        fallback={
          <>
            <h1 id="sign-up-heading">{t('signUpHeading')}</h1>
            <p>{t('signUpIntro')}</p>
            <form class="stack-form" data-testid="sign-up-form" onSubmit={(e) => void signUp.run(formValues(e))}>
              <Field id="su-name" name="fullName" label={t('citizenFullName')} problem={signUp.problem('fullName')} required autocomplete="name" />
              <Field
                id="su-cccd"
                name="citizenId"
                label={t('citizenIdLabel')}
                hint={t('citizenIdHint')}
                problem={signUp.problem('citizenId')}
                required
                inputmode="numeric"
              />
              <Field
                id="su-email"
                name="email"
                type="email"
                label={t('emailLabel')}
                hint={t('contactHint')}
                problem={signUp.problem('email')}
                autocomplete="email"
              />
              <Field id="su-phone" name="phone" type="tel" label={t('phoneLabel')} problem={signUp.problem('phone')} autocomplete="tel" />
              <Field
                id="su-password"
                name="password"
                type="password"
                label={t('passwordLabel')}
                hint={t('passwordHint')}
                problem={signUp.problem('password')}
                required
                autocomplete="new-password"
              />
              <Show when={failure(signUp, ['fullName', 'citizenId', 'email', 'phone', 'password'])}>
                {(e) => (
                  <p role="alert" class="error">
                    {errorText(e(), t('actionFailed'))}
                  </p>
                )}
              </Show>
              <button type="submit" class="primary" disabled={signUp.busy()}>
                {signUp.busy() ? t('signingUp') : t('signUpSubmit')}
              </button>
            </form>
          </>
        }
      >
        {(s) => (
          <>
            <h1 id="sign-up-heading">{t('verifyHeading')}</h1>
            <Show when={s().message.vi}>
              <p role="status" data-testid="code-sent">
                {pick(s().message)}
              </p>
            </Show>
            <Show
              when={!verified()}
              fallback={
                <p role="status" data-testid="verified">
                  {t('verified')} <A href="/login">{t('goToSignIn')}</A>
                </p>
              }
            >
              <form class="stack-form" data-testid="verify-form" onSubmit={(e) => void verify.run(formValues(e))}>
                <Field
                  id="v-login"
                  name="login"
                  label={t('contactLogin')}
                  value={s().login}
                  required
                  autocomplete="username"
                  onInput={(e) => setLogin(e.currentTarget.value)}
                />
                <Field
                  id="v-code"
                  name="code"
                  label={t('codeLabel')}
                  hint={t('codeHint')}
                  problem={verify.problem('code')}
                  required
                  inputmode="numeric"
                  autocomplete="one-time-code"
                />
                <Show when={failure(verify, ['code'])}>
                  {(e) => (
                    <p role="alert" class="error">
                      {errorText(e(), t('actionFailed'))}
                    </p>
                  )}
                </Show>
                <div class="button-row">
                  <button type="submit" class="primary" disabled={verify.busy()}>
                    {verify.busy() ? t('verifying') : t('verifySubmit')}
                  </button>
                  <button type="button" data-testid="resend-code" disabled={resend.busy()} onClick={() => void resend.run()}>
                    {resend.busy() ? t('resendingCode') : t('resendCode')}
                  </button>
                </div>
                <Show when={resend.error()}>
                  {(e) => (
                    <p role="alert" class="error">
                      {errorText(e(), t('actionFailed'))}
                    </p>
                  )}
                </Show>
              </form>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
