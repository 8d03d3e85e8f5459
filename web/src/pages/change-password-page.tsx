import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { errorText } from '../api.js';
import { createAction, formValues } from '../components/action.js';
import { Field } from '../components/field.js';
import { t } from '../i18n/index.js';
import { landingPath } from '../nav.js';
import { changePassword, ready, session } from '../session/session.js';

/**
 * Đổi mật khẩu, for every signed-in user; where a sign-in lands while the password is one an admin
 * set. The API's own refusals (wrong current password, the password rule, the lockout) are shown
 * as it gave them; only "the two entries differ" is checked here, as the API never sees the second.
 */
export default function ChangePasswordPage() {
  const navigate = useNavigate();
  const [mismatch, setMismatch] = createSignal(false);
  const change = createAction(async (values: Record<string, string>) => {
    await changePassword(values.currentPassword ?? '', values.newPassword ?? '');
    navigate(landingPath(), { replace: true });
  });
  const submit = (event: SubmitEvent) => {
    const values = formValues(event);
    setMismatch(values.newPassword !== values.confirmPassword);
    if (!mismatch()) void change.run(values);
  };
  // The new password's problems (the password rule) go beside that field; anything else, a wrong
  // current password or the lockout, is the API's bilingual message in the current language.
  const failure = () => (change.problem('newPassword') ? null : change.error());
  return (
    <section class="narrow" aria-labelledby="password-heading">
      <h1 id="password-heading">{t('changePassword')}</h1>
      <Show
        when={session()}
        fallback={
          <Show when={ready()}>
            <p>
              <A href="/login">{t('signIn')}</A>
            </p>
          </Show>
        }
      >
        {(s) => (
          <>
            <Show when={s().passwordChangeRequired}>
              <p role="note" class="card" data-testid="password-change-required">
                {t('changePasswordForced')}
              </p>
            </Show>
            <p>{t('changePasswordIntro')}</p>
            <form class="stack-form" data-testid="change-password-form" onSubmit={submit} aria-describedby={failure() ? 'password-error' : undefined}>
              <Field id="current-password" name="currentPassword" type="password" label={t('currentPassword')} required autocomplete="current-password" />
              <Field
                id="new-password"
                name="newPassword"
                type="password"
                label={t('newPassword')}
                hint={t('newPasswordHint')}
                problem={change.problem('newPassword')}
                required
                autocomplete="new-password"
              />
              <Field
                id="confirm-password"
                name="confirmPassword"
                type="password"
                label={t('confirmNewPassword')}
                problem={mismatch() ? t('passwordsDiffer') : undefined}
                required
                autocomplete="new-password"
              />
              <Show when={failure()}>
                {(e) => (
                  <p id="password-error" role="alert" class="error">
                    {errorText(e(), t('actionFailed'))}
                  </p>
                )}
              </Show>
              <button type="submit" class="primary" disabled={change.busy()}>
                {change.busy() ? t('changingPassword') : t('changePassword')}
              </button>
            </form>
          </>
        )}
      </Show>
    </section>
  );
}
