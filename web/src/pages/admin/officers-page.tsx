import { createResource, createSignal, For, Show } from 'solid-js';
import { getJson } from '../../api.js';
import { formValues } from '../../components/action.js';
import { loaded, LoadState } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { OfficerForm } from './officer-form.js';
import { tenantPath, type Officer, type OrgUnit } from './types.js';

/** Cán bộ, công chức: officers the admin may see, masked as the API masks them. */
export default function OfficersPage() {
  return (
    <RequireConsole allowed={() => can('read', 'User')}>
      {(tenantId) => <Officers tenantId={tenantId} />}
    </RequireConsole>
  );
}

function Officers(props: { tenantId: string }) {
  const [search, setSearch] = createSignal('');
  const [officers, { refetch }] = createResource(search, (q) =>
    getJson<{ items: Officer[] }>(tenantPath(props.tenantId, `users${q ? `?search=${encodeURIComponent(q)}` : ''}`)).then((r) => r.items),
  );
  // Units for the create form's picker; only fetched when the form is offered.
  const [units] = createResource(
    () => can('create', 'User'),
    () => getJson<{ items: OrgUnit[] }>(tenantPath(props.tenantId, 'org-units')).then((r) => r.items),
  );
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  return (
    <section aria-labelledby="officers-heading">
      <h1 id="officers-heading">{t('officersHeading')}</h1>
      <p class="muted">{t('officersIntro')}</p>
      <form role="search" class="search-form" onSubmit={(e) => setSearch(formValues(e).q ?? '')}>
        <label for="officer-search">{t('search')}</label>
        <input id="officer-search" name="q" type="search" maxLength={100} />
        <button type="submit">{t('searchButton')}</button>
      </form>
      <p role="status" class="notice">
        <Show when={notice()}>{(key) => t(key())}</Show>
      </p>
      <div class="two-col">
        <LoadState data={officers} retry={() => void refetch()}>
          {(items) => <OfficerTable items={items()} />}
        </LoadState>
        <Show when={loaded(units)}>
          {(list) => (
            <OfficerForm
              tenantId={props.tenantId}
              units={list()}
              onCreated={() => {
                setNotice('officerCreated');
                void refetch();
              }}
            />
          )}
        </Show>
      </div>
    </section>
  );
}

function OfficerTable(props: { items: Officer[] }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="officers-heading">
      <table class="data-table" data-testid="officer-table">
        <thead>
          <tr>
            <th scope="col">{t('officerName')}</th>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('citizenId')}</th>
            <th scope="col">{t('phone')}</th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.items}>
            {(o) => (
              <tr>
                <td>
                  <span class="cell-main">{o.fullName}</span>
                  <span class="cell-sub">{o.login}{o.position ? ` · ${o.position}` : ''}</span>
                </td>
                <td>{o.orgUnitName ?? '—'}</td>
                <td class="mono">{o.citizenId ?? '—'}</td>
                <td class="mono">{o.phone ?? '—'}</td>
                <td>{o.active ? t('active') : t('inactive')}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
