import { useParams } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { answer, api, errorText } from '../../api.js';
import { Field } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { formText } from './portal-api.js';
import { Progress } from './progress.js';
import { ProvinceSelect } from './province-select.js';
import { UnitContactCard } from './unit-contact.js';
import './portal.css';

type Query = { token: string } | { tenantId: string; code: string; idSuffix: string };

/**
 * Tra cứu hồ sơ (public, no sign-in): by code and the last four digits of the applicant's ID
 * number, or straight from the receipt's QR code (`/status/:token`).
 */
export default function StatusPage() {
  const params = useParams<{ token?: string }>();
  const [typed, setTyped] = createSignal<Query | null>(null);
  // The QR token in the address wins; the form's query otherwise.
  const query = (): Query | null => (params.token ? { token: params.token } : typed());
  const [tenantId, setTenantId] = createSignal('');
  const [status] = createResource(query, (q) =>
    answer('token' in q ? api.public['dossier-status'][':token'].$get({ param: q }) : api.public['dossier-status'].$get({ query: q })),
  );
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setTyped({ tenantId: tenantId(), code: formText(data, 'code'), idSuffix: formText(data, 'idSuffix') });
  };
  return (
    <section aria-labelledby="portal-status-heading" class="portal">
      <h1 id="portal-status-heading">{t('portalStatusHeading')}</h1>
      <Show when={!params.token}>
        <p class="muted">{t('portalStatusIntro')}</p>
        <form class="stack-form portal-form" data-testid="status-form" onSubmit={submit}>
          <ProvinceSelect id="portal-status-province" value={tenantId()} onChange={setTenantId} required />
          <Field id="portal-status-code" name="code" label={t('portalDossierCode')} required autocapitalize="characters" spellcheck={false} maxLength={60} />
          <Field
            id="portal-status-suffix"
            name="idSuffix"
            label={t('portalIdSuffix')}
            required
            inputmode="numeric"
            pattern="\d{4}"
            maxLength={4}
            autocomplete="off"
          />
          <button type="submit" class="primary" disabled={status.loading}>
            {t('portalLookup')}
          </button>
        </form>
      </Show>
      <div aria-live="polite">
        <Switch>
          <Match when={status.state === 'errored'}>
            <p role="alert" class="error">
              {errorText(status.error, t('loadFailed'))}
            </p>
          </Match>
          <Match when={status.loading}>
            <p aria-busy="true" class="muted">
              {t('loading')}
            </p>
          </Match>
          <Match when={status()}>
            {(s) => (
              <>
                <Progress status={s()} />
                <h2 class="portal-subheading">{t('portalWhereToGo')}</h2>
                <UnitContactCard name={s().receivingUnitName} contact={s().receivingUnitContact} />
              </>
            )}
          </Match>
        </Switch>
      </div>
    </section>
  );
}
