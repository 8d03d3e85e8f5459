import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { renderSVG } from 'uqr';
import { errorText } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { landingPath } from '../../nav.js';
import { confirmSecondFactorEnrolment, loadSession, ready, session, startSecondFactorEnrolment, verifySecondFactor } from '../../session/session.js';

/** The API's refusal of a code: beside the field when it names it, else as an alert (the lockout). */
function CodeForm(props: {
  action: ReturnType<typeof createAction<[string]>>;
  hint: string;
  submit: string;
  busy: string;
  autocomplete: string;
  inputmode: 'numeric' | 'text';
}) {
  const failure = () => (props.action.problem('code') ? null : props.action.error());
  return (
    <form
      class="stack-form"
      data-testid="second-factor-form"
      onSubmit={(event) => void props.action.run(formValues(event).code ?? '')}
      aria-describedby={failure() ? 'second-factor-error' : undefined}
    >
      <Field
        id="second-factor-code"
        name="code"
        label={t('secondFactorCode')}
        hint={props.hint}
        problem={props.action.problem('code')}
        required
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        autocapitalize="none"
        spellcheck={false}
      />
      <Show when={failure()}>
        {(e) => (
          <p id="second-factor-error" role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <button type="submit" class="primary" disabled={props.action.busy()}>
        {props.action.busy() ? props.busy : props.submit}
      </button>
    </form>
  );
}

/**
 * Xác thực hai lớp: where an administrator's sign-in lands until the second factor is passed. The
 * first time it enrols an authenticator app (QR code and the secret as text, then a first code)
 * and shows the ten recovery codes once, until "Tôi đã lưu"; afterwards it asks for a code from
 * the app, or a recovery code.
 */
export default function SecondFactorPage() {
  const navigate = useNavigate();
  const [recoveryCodes, setRecoveryCodes] = createSignal<string[] | null>(null);
  const enrolling = () => session()?.secondFactor === 'enrol' && recoveryCodes() === null;
  const [key] = createResource(() => enrolling() || null, startSecondFactorEnrolment);
  const confirm = createAction(async (code: string) => {
    setRecoveryCodes(await confirmSecondFactorEnrolment(code));
  });
  const verify = createAction(async (code: string) => {
    await verifySecondFactor(code);
    navigate(landingPath(), { replace: true });
  });
  const saved = async () => {
    await loadSession();
    navigate(landingPath(), { replace: true });
  };
  return (
    <section class="narrow" aria-labelledby="second-factor-heading">
      <h1 id="second-factor-heading">{t('secondFactorHeading')}</h1>
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
        <Switch fallback={<A href={landingPath()}>{t('backHome')}</A>}>
          <Match when={recoveryCodes()}>
            {(codes) => (
              <div data-testid="recovery-codes" role="status" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
                <h2>{t('secondFactorRecoveryHeading')}</h2>
                <p>{t('secondFactorRecoveryIntro')}</p>
                <ol class="mono recovery-codes">
                  <For each={codes()}>{(code) => <li>{code}</li>}</For>
                </ol>
                <button type="button" class="primary" onClick={() => void saved()}>
                  {t('secondFactorSaved')}
                </button>
              </div>
            )}
          </Match>
          <Match when={session()?.secondFactor === 'enrol'}>
            <p>{t('secondFactorEnrolIntro')}</p>
            <Show when={key.error as unknown}>
              {(failure) => (
                <p role="alert" class="error">
                  {errorText(failure(), t('actionFailed'))}
                </p>
              )}
            </Show>
            <Show when={key()} fallback={<p role="status">{t('secondFactorLoading')}</p>}>
              {(k) => (
                <>
                  <figure class="portal-qr">
                    {/* uqr draws only squares from the URI: no text of it reaches innerHTML as markup. */}
                    <div role="img" aria-label={t('secondFactorQrLabel')} innerHTML={renderSVG(k().otpauthUri, { border: 2 })} />
                    <figcaption>
                      {t('secondFactorSecretLabel')}: <code data-testid="second-factor-secret">{k().secret}</code>
                    </figcaption>
                  </figure>
                  <CodeForm
                    action={confirm}
                    hint={t('secondFactorEnrolCodeHint')}
                    submit={t('secondFactorConfirm')}
                    busy={t('secondFactorConfirming')}
                    autocomplete="one-time-code"
                    inputmode="numeric"
                  />
                </>
              )}
            </Show>
          </Match>
          <Match when={session()?.secondFactor === 'verify'}>
            <p>{t('secondFactorVerifyIntro')}</p>
            <CodeForm
              action={verify}
              hint={t('secondFactorVerifyCodeHint')}
              submit={t('secondFactorVerify')}
              busy={t('secondFactorVerifying')}
              autocomplete="one-time-code"
              inputmode="text"
            />
            <p class="hint">{t('secondFactorLostPhone')}</p>
          </Match>
        </Switch>
      </Show>
    </section>
  );
}
