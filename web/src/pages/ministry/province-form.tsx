import { answer, api, type Body } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field, SelectField } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { FormFooter } from '../../components/form-footer.js';

/** Thêm tỉnh (ministry admins only): the API creates the province with its root unit. */
export default function ProvinceForm(props: { onDone: (created: boolean) => void }) {
  const create = createAction(async (values: Record<string, string>) => {
    await answer(api.tenants.$post({ json: values as Body<typeof api.tenants.$post> }));
    props.onDone(true);
  });
  return (
    <form class="card stack-form" onSubmit={(e) => void create.run(formValues(e))} aria-labelledby="new-province-heading">
      <h2 id="new-province-heading">{t('addProvince')}</h2>
      <Field id="p-code" name="code" label={t('provinceCode')} problem={create.problem('code')} required inputmode="numeric" maxLength={2} />
      <Field id="p-name" name="name" label={t('name')} problem={create.problem('name')} required />
      <Field id="p-full" name="fullName" label={t('fullName')} problem={create.problem('fullName')} required />
      <SelectField id="p-kind" name="kind" label={t('kind')} required>
        <option value="province">{t('kindProvince')}</option>
        <option value="municipality">{t('kindMunicipality')}</option>
      </SelectField>
      <FormFooter action={create} onCancel={() => props.onDone(false)} />
    </form>
  );
}
