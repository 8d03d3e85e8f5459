import { For, Show } from 'solid-js';
import { NEVER_DELEGATED, ROLE_LABELS, TENANT_ROLES } from '@gov/domain';
import { answer, api, errorText, type Body } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { pick, t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { type Officer, type OrgUnit } from './types.js';
import { unitOptions } from './unit-form.js';

interface GrantProps {
  tenantId: string;
  officers: Officer[];
  units: OrgUnit[];
  onGranted: () => void;
}

/**
 * Cấp vai trò. Every role a province can grant is offered; the ministry-only roles (province
 * admin) are not, since no one here may grant them. Whether a role may be granted at a unit (the
 * subset rule) is the API's decision, and its refusal is shown word for word so the admin learns
 * the rule that applied.
 */
const GRANTABLE_ROLES = TENANT_ROLES.filter((role) => !NEVER_DELEGATED.includes(role));

export function GrantForm(props: GrantProps) {
  const units = () => unitOptions(props.units, (u) => u.active && can('grant', 'RoleAssignment', { tenantId: props.tenantId, orgUnitPath: u.path }));
  const grant = createAction(async (values: Record<string, string>, form: HTMLFormElement) => {
    const grant = api.tenants[':tenantId']['role-assignments'].$post;
    await answer(grant({ param: { tenantId: props.tenantId }, json: values as Body<typeof grant> }));
    form.reset();
    props.onGranted();
  });
  const submit = (e: SubmitEvent) => void grant.run(formValues(e), e.currentTarget as HTMLFormElement);
  return (
    <form class="card stack-form" onSubmit={submit} aria-labelledby="grant-heading" data-testid="grant-form">
      <h2 id="grant-heading">{t('grantRole')}</h2>
      <SelectField id="g-officer" name="userId" label={t('officer')} problem={grant.problem('userId')} required>
        <option value="">{t('choose')}</option>
        <For each={props.officers}>{(o) => <option value={o.userId}>{`${o.fullName} (${o.login})`}</option>}</For>
      </SelectField>
      <SelectField id="g-role" name="role" label={t('role')} problem={grant.problem('role')} required>
        <option value="">{t('choose')}</option>
        <For each={GRANTABLE_ROLES}>{(role) => <option value={role}>{pick(ROLE_LABELS[role])}</option>}</For>
      </SelectField>
      <SelectField id="g-unit" name="orgUnitId" label={t('unit')} problem={grant.problem('orgUnitId')} required>
        <For each={units()}>{(u) => <option value={u.id}>{u.label}</option>}</For>
      </SelectField>
      <Field id="g-reason" name="reason" label={t('reason')} problem={grant.problem('reason')} required />
      <Show when={grant.error()}>
        {(e) => (
          <p role="alert" class="error" data-testid="grant-error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <button type="submit" class="primary" disabled={grant.busy()}>
        {grant.busy() ? t('saving') : t('grantRole')}
      </button>
    </form>
  );
}
