import { For } from 'solid-js';
import { answer, api, type Body } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { UNIT_KINDS, type OrgUnit } from './types.js';
import { buildTree, flattenTree } from './unit-tree.js';
import { FormFooter } from '../../components/form-footer.js';

/** Options indented like the tree; a deactivated unit takes no children (the API says so too). */
export function unitOptions(units: OrgUnit[], allowed: (unit: OrgUnit) => boolean) {
  return flattenTree(buildTree(units))
    .filter(({ unit }) => allowed(unit))
    .map(({ unit, depth }) => ({ id: unit.id, label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name}` }));
}

/** Thêm đơn vị con: code, name and kind under a parent the admin may extend. */
export function UnitForm(props: { tenantId: string; units: OrgUnit[]; onCreated: () => void }) {
  const parents = () => unitOptions(props.units, (u) => u.active && can('create', 'OrgUnit', { tenantId: props.tenantId, orgUnitPath: u.path }));
  const create = createAction(async (values: Record<string, string>, form: HTMLFormElement) => {
    const create = api.tenants[':tenantId']['org-units'].$post;
    await answer(create({ param: { tenantId: props.tenantId }, json: values as Body<typeof create> }));
    form.reset();
    props.onCreated();
  });
  const submit = (e: SubmitEvent) => void create.run(formValues(e), e.currentTarget as HTMLFormElement);
  return (
    <form class="card stack-form" onSubmit={submit} aria-labelledby="new-unit-heading" data-testid="unit-form">
      <h2 id="new-unit-heading">{t('newUnit')}</h2>
      <SelectField id="unit-parent" name="parentId" label={t('parentUnit')} problem={create.problem('parentId')} required>
        <For each={parents()}>{(p) => <option value={p.id}>{p.label}</option>}</For>
      </SelectField>
      <Field id="unit-code" name="code" label={t('unitCode')} hint={t('unitCodeHint')} problem={create.problem('code')} required autocapitalize="characters" />
      <Field id="unit-name" name="name" label={t('unitName')} problem={create.problem('name')} required />
      <SelectField id="unit-kind" name="kind" label={t('unitKind')} problem={create.problem('kind')} required>
        <For each={UNIT_KINDS}>{(kind) => <option value={kind}>{t(`unitKind_${kind}` as MessageKey)}</option>}</For>
      </SelectField>
      <FormFooter action={create} submit={t('newUnit')} />
    </form>
  );
}
