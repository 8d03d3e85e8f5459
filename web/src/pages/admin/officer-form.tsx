import { For } from 'solid-js';
import { answer, api, type Body } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { type OrgUnit } from './types.js';
import { unitOptions } from './unit-form.js';
import { FormFooter } from '../../components/form-footer.js';

/**
 * Thêm cán bộ. CCCD, phone and email are checked by the API only (one set of rules, the law's
 * formats in services/core officer-fields.ts); each refusal is shown beside its field. No password:
 * the officer sets their own with the invitation code the API sends to their email.
 */
export function OfficerForm(props: { tenantId: string; units: OrgUnit[]; onCreated: () => void }) {
  const units = () => unitOptions(props.units, (u) => u.active && can('create', 'User', { tenantId: props.tenantId, orgUnitPath: u.path }));
  const create = createAction(async (values: Record<string, string>, form: HTMLFormElement) => {
    const create = api.tenants[':tenantId'].users.$post;
    await answer(create({ param: { tenantId: props.tenantId }, json: values as Body<typeof create> }));
    form.reset();
    props.onCreated();
  });
  const submit = (e: SubmitEvent) => void create.run(formValues(e), e.currentTarget as HTMLFormElement);
  return (
    <form class="card stack-form" onSubmit={submit} aria-labelledby="new-officer-heading" data-testid="officer-form">
      <h2 id="new-officer-heading">{t('newOfficer')}</h2>
      <Field id="o-name" name="fullName" label={t('officerName')} problem={create.problem('fullName')} required autocomplete="off" />
      <Field id="o-login" name="login" label={t('loginName')} problem={create.problem('login')} required autocapitalize="none" autocomplete="off" />
      <Field id="o-cccd" name="citizenId" label={t('citizenId')} problem={create.problem('citizenId')} required inputmode="numeric" autocomplete="off" />
      <Field id="o-phone" name="phone" label={t('phone')} problem={create.problem('phone')} required type="tel" />
      <Field id="o-email" name="email" label={t('email')} problem={create.problem('email')} required inputmode="email" autocapitalize="none" />
      <Field id="o-position" name="position" label={t('position')} problem={create.problem('position')} required />
      <SelectField id="o-unit" name="orgUnitId" label={t('unit')} problem={create.problem('orgUnitId')} required>
        <For each={units()}>{(u) => <option value={u.id}>{u.label}</option>}</For>
      </SelectField>
      <p class="hint" data-testid="officer-invitation-hint">
        {t('officerInvitationHint')}
      </p>
      <FormFooter action={create} submit={t('newOfficer')} />
    </form>
  );
}
