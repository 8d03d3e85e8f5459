import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { answer, api, errorText } from '../../api.js';
import { formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { SelectField } from '../../components/field.js';
import { loaded, LoadState } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { CatalogImport } from './catalog-import.js';
import { LEVELS, type ProcedureVersion } from './catalog-types.js';
import { ProcedureDetail } from './procedure-detail.js';
import { ProcedureEditor } from './procedure-editor.js';
import { RequireMinistry } from './require-ministry.js';
import { fill, tv } from './types.js';
import './ministry.css';

const PAGE = 20;

/** Danh mục TTHC: search and read for all ministry staff; editing and import for the admin only. */
export default function CatalogPage() {
  return (
    <RequireMinistry>
      <Catalog />
    </RequireMinistry>
  );
}

type Editing = { base: ProcedureVersion | null } | null;

function Catalog() {
  const [filter, setFilter] = createSignal({ q: '', level: '', page: 1 });
  const [total, setTotal] = createSignal(0);
  const [list, { refetch }] = createResource(filter, (f) => {
    const query = {
      page: String(f.page),
      pageSize: String(PAGE),
      ...(f.q ? { q: f.q } : {}),
      ...(f.level ? { level: f.level as (typeof LEVELS)[number] } : {}),
    };
    return answer(api.catalog.procedures.$get({ query })).then((r) => {
      setTotal(r.total);
      return r.items;
    });
  });
  const [selected, setSelected] = createSignal<string | null>(null);
  const [procedure, { refetch: reload }] = createResource(selected, (code) => answer(api.catalog.procedures[':code'].$get({ param: { code }, query: {} })));
  const [editing, setEditing] = createSignal<Editing>(null);
  const [notice, setNotice] = createSignal('');
  const manage = () => can('manage', 'Procedure');
  const search = (e: SubmitEvent) => {
    const v = formValues(e);
    setFilter({ q: v.q ?? '', level: v.level ?? '', page: 1 });
  };
  return (
    <section aria-labelledby="catalog-heading">
      <h1 id="catalog-heading">{t('ministryCatalogHeading')}</h1>
      <p class="muted">{t('ministryCatalogIntro')}</p>
      <Show when={!manage()}>
        <p class="note" data-testid="catalog-read-only">
          {t('ministryCatalogReadOnly')}
        </p>
      </Show>
      <p role="status" class="notice" data-testid="catalog-notice">
        {notice()}
      </p>
      <Show when={manage() && !editing()}>
        <button
          type="button"
          class="primary"
          onClick={() => {
            setNotice('');
            setEditing({ base: null });
          }}
        >
          {t('ministryNewProcedure')}
        </button>
      </Show>
      <Show when={editing()}>
        {(e) => (
          <ProcedureEditor
            base={e().base}
            onDone={(published) => {
              setEditing(null);
              if (!published) return;
              setNotice(fill(published.created ? 'ministryPublished' : 'ministryUnchanged', { version: published.version }));
              setSelected(published.code);
              void reload();
              void refetch();
            }}
          />
        )}
      </Show>
      <form role="search" class="search-form" onSubmit={search}>
        <label for="catalog-q">{t('ministrySearchName')}</label>
        <input id="catalog-q" name="q" type="search" maxLength={200} />
        <SelectField id="catalog-level" name="level" label={t('ministryLevel')}>
          <option value="">{t('ministryAnyLevel')}</option>
          <For each={LEVELS}>{(level) => <option value={level}>{tv('ministryLevel', level)}</option>}</For>
        </SelectField>
        <button type="submit">{t('ministrySearch')}</button>
      </form>
      <div class="two-col">
        <div>
          <LoadState data={list} retry={() => void refetch()}>
            {(items) => (
              <DataTable
                labelledBy="catalog-heading"
                testId="catalog-table"
                rows={items()}
                rowTestId={(p) => `catalog-${p.code}`}
                columns={[
                  { header: t('ministryCode'), cell: (p) => p.code, class: 'mono' },
                  {
                    header: t('ministryName'),
                    cell: (p) => (
                      <button
                        type="button"
                        class="link-button"
                        aria-label={fill('ministryView', { name: p.name })}
                        onClick={() => {
                          setEditing(null);
                          setSelected(p.code);
                        }}
                      >
                        {p.name}
                      </button>
                    ),
                  },
                  { header: t('ministrySector'), cell: (p) => p.sector },
                  { header: t('ministryLevel'), cell: (p) => tv('ministryLevel', p.level) },
                  { header: t('ministryVersion'), cell: (p) => p.version, class: 'num' },
                ]}
              />
            )}
          </LoadState>
          <Pager page={filter().page} total={total()} pageSize={PAGE} onPage={(page) => setFilter((f) => ({ ...f, page }))} />
        </div>
        <div>
          <Switch>
            <Match when={!selected()}>{null}</Match>
            <Match when={procedure.state === 'errored'}>
              <p role="alert" class="error">
                {errorText(procedure.error, t('loadFailed'))}
              </p>
            </Match>
            <Match when={loaded(procedure)}>
              {(p) => (
                <section class="card" aria-labelledby="procedure-heading">
                  <h2 id="procedure-heading">{p().name}</h2>
                  <ProcedureDetail procedure={p()} />
                  <div class="button-row">
                    <Show when={manage()}>
                      <button
                        type="button"
                        class="primary"
                        onClick={() => {
                          setNotice('');
                          setEditing({ base: p() });
                        }}
                      >
                        {t('ministryEditVersion')}
                      </button>
                    </Show>
                    <button type="button" class="link-button" onClick={() => setSelected(null)}>
                      {t('ministryClose')}
                    </button>
                  </div>
                </section>
              )}
            </Match>
            <Match when={procedure.loading}>
              <p aria-busy="true" class="muted">
                {t('loading')}
              </p>
            </Match>
          </Switch>
          <CatalogImport onImported={() => void refetch()} />
        </div>
      </div>
    </section>
  );
}
