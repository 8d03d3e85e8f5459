import { vietnamDate } from '@gov/calendar';
import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { Field, SelectField } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { tenantApi } from './types.js';

/**
 * Form 06, the dossier register (sổ theo dõi hồ sơ), of a unit whose dossiers the officer may read,
 * for a range of Vietnam days (this month so far by default): a PDF link the API builds.
 */
export function RegisterDownload(props: { tenantId: string }) {
  const [units] = createResource(
    () => props.tenantId,
    (tenantId) => answer(api.tenants[':tenantId']['dossier-register-units'].$get({ param: { tenantId } })).then((r) => r.items),
  );
  const today = vietnamDate(new Date());
  const [unitId, setUnitId] = createSignal('');
  const [from, setFrom] = createSignal(`${today.slice(0, 8)}01`);
  const [to, setTo] = createSignal(today);
  const chosen = () => unitId() || units()?.[0]?.id || '';
  const href = () => `${tenantApi(props.tenantId, `org-units/${chosen()}/dossier-register`)}?${new URLSearchParams({ from: from(), to: to() }).toString()}`;
  return (
    <Show when={(units() ?? []).length > 0}>
      <section class="card register-download" aria-labelledby="register-heading" data-testid="register-download">
        <h2 id="register-heading">{t('form06')}</h2>
        <div class="filter-form">
          <SelectField id="register-unit" name="unitId" label={t('formRegisterUnit')} value={chosen()} onChange={(e) => setUnitId(e.currentTarget.value)}>
            <For each={units()}>{(unit) => <option value={unit.id}>{unit.name}</option>}</For>
          </SelectField>
          <Field
            id="register-from"
            name="from"
            type="date"
            label={t('formRegisterFrom')}
            value={from()}
            max={to()}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
          <Field id="register-to" name="to" type="date" label={t('formRegisterTo')} value={to()} min={from()} onInput={(e) => setTo(e.currentTarget.value)} />
          <div class="button-row">
            <Show when={chosen() && from() && to() && from() <= to()}>
              <a class="link-button" href={href()} download="">
                {t('formRegisterDownload')}
              </a>
            </Show>
          </div>
        </div>
      </section>
    </Show>
  );
}
