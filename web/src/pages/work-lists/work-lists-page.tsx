import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { formValues } from '../../components/action.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Field, SelectField } from '../../components/field.js';
import { LoadOne, loaded } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatDateTime, formatNumber } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { fill } from '../ministry/types.js';
import { dossierPage } from '../officer/types.js';
import { LateConsultations } from '../officer/late-consultations.js';
import { StatusBadge } from '../officer/badges.js';
import { StuckSetting } from './stuck-setting.js';
import { ArchiveSetting } from './archive-setting.js';
import { LISTS, type ListPath, type WorkListItem } from './types.js';
// The filter form and the status badge are the officer workspace's, styles included.
import '../officer/officer.css';
import './work-lists.css';

const PAGE_SIZE = 20;
const FILTERS = ['unitId', 'procedureCode', 'officerId'] as const;
const TAB_LABEL: Record<ListPath, MessageKey> = { overdue: 'workListsOverdue', 'near-due': 'workListsNearDue', stuck: 'workListsStuck' };

/**
 * Giám sát hồ sơ: overdue, near-due and stuck dossiers of the units in the reader's charge (the
 * whole province for its admins and leaders), each row opening the dossier. The API scopes the
 * rows; a province admin also sets the stuck threshold here.
 */
export default function WorkListsPage() {
  return <RequireConsole allowed={() => can('read', 'Report')}>{(tenantId) => <WorkLists tenantId={tenantId} />}</RequireConsole>;
}

interface Choice {
  id: string;
  name: string;
}

function WorkLists(props: { tenantId: string }) {
  const [list, setList] = createSignal<ListPath>('overdue');
  const [filters, setFilters] = createSignal<Record<string, string>>({});
  const [page, setPage] = createSignal(1);
  const [listed, { refetch }] = createResource(
    () => ({ list: list(), ...filters(), page: String(page()), pageSize: String(PAGE_SIZE) }),
    ({ list: path, ...query }) => answer(api.tenants[':tenantId']['work-lists'][path].$get({ param: { tenantId: props.tenantId }, query })),
  );
  // Units to filter by: the province's tree for whoever may read it; otherwise (a leader) the
  // units and officers the lists have shown, which are all within the reader's scope.
  const [units] = createResource(
    () => can('read', 'OrgUnit'),
    async (allowed): Promise<Choice[]> =>
      allowed ? (await answer(api.tenants[':tenantId']['org-units'].$get({ param: { tenantId: props.tenantId } }))).items : [],
  );
  const seenUnits = new Map<string, string>();
  const seenOfficers = new Map<string, string>();
  const choices = createMemo(() => {
    for (const row of loaded(listed)?.items ?? []) {
      seenUnits.set(row.currentUnitId, row.currentUnitName);
      if (row.officerId && row.officerName) seenOfficers.set(row.officerId, row.officerName);
    }
    const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name, 'vi');
    const tree = loaded(units) ?? [];
    const known = tree.length > 0 ? tree : [...seenUnits].map(([id, name]) => ({ id, name }));
    return { units: [...known].sort(byName), officers: [...seenOfficers].map(([id, name]) => ({ id, name })).sort(byName) };
  });
  const choose = (next: ListPath) => {
    setList(next);
    setPage(1);
  };
  const apply = (event: SubmitEvent) => {
    const values = formValues(event);
    setFilters(Object.fromEntries(FILTERS.map((key) => [key, values[key]?.trim() ?? '']).filter(([, value]) => value !== '')));
    setPage(1);
  };
  return (
    <section aria-labelledby="work-lists-heading">
      <h1 id="work-lists-heading">{t('workListsHeading')}</h1>
      <p class="muted">{t('workListsIntro')}</p>
      <div class="work-list-tabs" role="tablist" aria-label={t('workListsTabs')}>
        <For each={LISTS}>
          {(path) => (
            <button
              type="button"
              role="tab"
              id={`tab-${path}`}
              aria-controls="work-list-panel"
              aria-selected={list() === path}
              tabindex={list() === path ? 0 : -1}
              data-testid={`tab-${path}`}
              onClick={() => choose(path)}
              onKeyDown={(e) => {
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (step === 0) return;
                const next = LISTS[(LISTS.indexOf(list()) + step + LISTS.length) % LISTS.length]!;
                choose(next);
                document.getElementById(`tab-${next}`)?.focus();
              }}
            >
              {t(TAB_LABEL[path])}
            </button>
          )}
        </For>
      </div>
      <form
        class="filter-form"
        role="search"
        aria-label={t('workListsFilters')}
        data-testid="work-list-filters"
        onSubmit={apply}
        onReset={() => {
          setFilters({});
          setPage(1);
        }}
      >
        <SelectField id="wl-unit" name="unitId" label={t('workListsUnit')}>
          <option value="">{t('workListsAnyUnit')}</option>
          <For each={choices().units}>{(unit) => <option value={unit.id}>{unit.name}</option>}</For>
        </SelectField>
        <Field id="wl-procedure" name="procedureCode" label={t('workListsProcedure')} maxLength={20} />
        <SelectField id="wl-officer" name="officerId" label={t('workListsOfficer')}>
          <option value="">{t('workListsAnyOfficer')}</option>
          <For each={choices().officers}>{(officer) => <option value={officer.id}>{officer.name}</option>}</For>
        </SelectField>
        <div class="button-row">
          <button type="submit" class="primary">
            {t('workListsApply')}
          </button>
          <button type="reset" class="secondary">
            {t('workListsClear')}
          </button>
        </div>
      </form>
      <div id="work-list-panel" role="tabpanel" aria-labelledby={`tab-${list()}`}>
        <LoadOne data={listed} retry={() => void refetch()}>
          {(current) => (
            <>
              <Show when={list() === 'stuck'}>
                <p class="muted" data-testid="stuck-rule">
                  {fill('workListsStuckIntro', {
                    days: current().stuckAfterWorkingDays,
                    since: current().noActionSince ? formatDateTime(current().noActionSince!) : '—',
                  })}
                </p>
              </Show>
              <Show when={current().items.length > 0} fallback={<p data-testid="work-list-empty">{t('workListsEmpty')}</p>}>
                <DataTable
                  labelledBy="work-lists-heading"
                  testId="work-list-table"
                  rows={current().items}
                  rowTestId={(row) => `work-list-row-${row.code}`}
                  columns={columns(props.tenantId, list())}
                />
              </Show>
              <Pager page={page()} pageSize={PAGE_SIZE} total={current().total} onPage={setPage} />
            </>
          )}
        </LoadOne>
      </div>
      <Show when={can('read', 'Dossier')}>
        <LateConsultations tenantId={props.tenantId} />
      </Show>
      <Show when={can('manage', 'Calendar')}>
        <StuckSetting tenantId={props.tenantId} onSaved={() => void refetch()} />
        <ArchiveSetting tenantId={props.tenantId} />
      </Show>
    </section>
  );
}

const days = (value: number | null) => (value === null ? '—' : formatNumber(value, 1));

/** The columns every list shares, then the day count that list is about. */
function columns(tenantId: string, list: ListPath): Column<WorkListItem>[] {
  const count: Record<ListPath, Column<WorkListItem>> = {
    overdue: { header: t('workListsDaysOverdue'), class: 'num', cell: (row) => days(row.workingDaysOverdue) },
    'near-due': { header: t('workListsDaysLeft'), class: 'num', cell: (row) => days(row.workingDaysLeft) },
    stuck: { header: t('workListsDaysIdle'), class: 'num', cell: (row) => days(row.workingDaysSinceAction) },
  };
  return [
    { header: t('workListsCode'), class: 'mono', cell: (row) => <A href={dossierPage(tenantId, row.dossierId)}>{row.code}</A> },
    {
      header: t('workListsProcedureName'),
      cell: (row) => (
        <>
          <span class="cell-main">{row.procedureName}</span>
          <span class="cell-sub mono">{row.procedureCode}</span>
        </>
      ),
    },
    { header: t('officerStatus'), cell: (row) => <StatusBadge status={row.nationalStatus} /> },
    { header: t('workListsCurrentUnit'), cell: (row) => row.currentUnitName },
    { header: t('workListsAssignee'), cell: (row) => row.officerName ?? <span class="muted">{t('workListsNoAssignee')}</span> },
    { header: t('workListsDueAt'), cell: (row) => (row.dueAt ? formatDateTime(row.dueAt) : '—') },
    { header: t('workListsLastAction'), cell: (row) => formatDateTime(row.lastActionAt) },
    count[list],
  ];
}
