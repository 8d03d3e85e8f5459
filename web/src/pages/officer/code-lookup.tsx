import { useNavigate } from '@solidjs/router';
import { answer, api } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { FormFooter } from '../../components/form-footer.js';
import { t } from '../../i18n/index.js';
import { dossierPage } from './types.js';

/**
 * "Tra cứu hồ sơ theo mã": any dossier of the province the officer may read, closed and archived
 * ones included (the inbox lists only open work), opened on its own page.
 */
export function CodeLookup(props: { tenantId: string }) {
  const navigate = useNavigate();
  const find = createAction(async (code: string) => {
    const found = await answer(api.tenants[':tenantId']['dossier-codes'][':code'].$get({ param: { tenantId: props.tenantId, code } }));
    navigate(dossierPage(props.tenantId, found.id));
  });
  return (
    <form
      class="filter-form"
      role="search"
      aria-labelledby="code-lookup-heading"
      data-testid="code-lookup"
      onSubmit={(e) => void find.run((formValues(e).code ?? '').trim())}
    >
      <h2 id="code-lookup-heading">{t('archiveLookupHeading')}</h2>
      <Field id="lookup-code" name="code" label={t('archiveLookupLabel')} hint={t('archiveLookupHint')} maxLength={60} problem={find.problem('code')} />
      <FormFooter action={find} submit={t('archiveLookupSubmit')} />
    </form>
  );
}
