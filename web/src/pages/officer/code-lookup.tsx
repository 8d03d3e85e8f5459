import { useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { answer, api, ApiError } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { FormFooter } from '../../components/form-footer.js';
import { t } from '../../i18n/index.js';
import { dossierPage } from './types.js';

/**
 * "Tra cứu hồ sơ theo mã": any dossier of the province the officer may read, closed and archived
 * ones included (the inbox lists only open work), opened on its own page. A code that is not found
 * may be a dossier deleted after its retention: the page says so, since the API cannot tell which.
 */
export function CodeLookup(props: { tenantId: string }) {
  const navigate = useNavigate();
  const find = createAction(async (code: string) => {
    const found = await answer(api.tenants[':tenantId']['dossier-codes'][':code'].$get({ param: { tenantId: props.tenantId, code } }));
    navigate(dossierPage(props.tenantId, found.id));
  });
  const notFound = () => {
    const e = find.error();
    return e instanceof ApiError && e.status === 404;
  };
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
      <Show when={notFound()}>
        <p role="alert" class="error" data-testid="code-lookup-not-found">
          {t('archiveLookupNotFound')}
        </p>
      </Show>
      <FormFooter action={{ busy: find.busy, error: () => (notFound() ? null : find.error()) }} submit={t('archiveLookupSubmit')} />
    </form>
  );
}
