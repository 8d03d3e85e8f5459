import { createSignal, Show } from 'solid-js';
import { answer, api, errorText, type Body } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { t } from '../../i18n/index.js';

/**
 * Bổ nhiệm quản trị tỉnh (ministry admin only). The form stays offered at the cap: the database
 * enforces it even against concurrent appointments, and its refusal is shown word for word. No
 * password is asked: the appointee sets their own with the invitation the API sends.
 */
export function AppointForm(props: { tenantId: string; onAppointed: () => void }) {
  const [done, setDone] = createSignal(false);
  const appoint = createAction(async (values: Record<string, string>, form: HTMLFormElement) => {
    setDone(false);
    const appointOne = api.tenants[':tenantId']['province-admins'].$post;
    await answer(appointOne({ param: { tenantId: props.tenantId }, json: values as Body<typeof appointOne> }));
    form.reset();
    setDone(true);
    props.onAppointed();
  });
  const submit = (e: SubmitEvent) => void appoint.run(formValues(e), e.currentTarget as HTMLFormElement);
  const field = (id: string, name: string, label: Parameters<typeof t>[0], extra: Record<string, unknown> = {}) => (
    <Field id={id} name={name} label={t(label)} problem={appoint.problem(name)} required {...extra} />
  );
  return (
    <form class="card stack-form" onSubmit={submit} aria-labelledby="appoint-heading" data-testid="appoint-form">
      <h3 id="appoint-heading">{t('ministryAppoint')}</h3>
      <p class="hint">{t('ministryAppointIntro')}</p>
      {field('a-name', 'fullName', 'ministryFullName', { autocomplete: 'off' })}
      {field('a-login', 'login', 'ministryLogin', { autocapitalize: 'none', spellcheck: false })}
      {field('a-cccd', 'citizenId', 'ministryCitizenId', { inputmode: 'numeric', maxLength: 12 })}
      {field('a-position', 'position', 'ministryPosition')}
      {field('a-phone', 'phone', 'ministryPhone', { type: 'tel' })}
      {field('a-email', 'email', 'ministryEmail', { type: 'email' })}
      {field('a-reason', 'reason', 'ministryReason')}
      <Show when={appoint.error()}>
        {(e) => (
          <p role="alert" class="error" data-testid="appoint-error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <p role="status" class="notice">
        {done() ? t('ministryAppointed') : ''}
      </p>
      <button type="submit" class="primary" disabled={appoint.busy()}>
        {appoint.busy() ? t('saving') : t('ministryAppoint')}
      </button>
    </form>
  );
}
