import { A } from '@solidjs/router';
import { NATIONAL_STATUS, ROLE_LABELS } from '@gov/domain';
import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { Field, SelectField } from '../../components/field.js';
import { LoadState } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { pick, t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { DeadlineBadge, StatusBadge } from './badges.js';
import { RegisterDownload } from './register-download.js';
import { CodeLookup } from './code-lookup.js';
import { dossierPage } from './types.js';
import './officer.css';

const PAGE_SIZE = 20;
const FILTERS = ['procedureCode', 'status', 'receivedFrom', 'receivedTo', 'search'] as const;

/** Hồ sơ cần xử lý: open tasks for the roles the officer holds, soonest deadline first. */
export default function InboxPage() {
  return <RequireConsole allowed={() => can('read', 'Dossier')}>{(tenantId) => <Inbox tenantId={tenantId} />}</RequireConsole>;
}

function Inbox(props: { tenantId: string }) {
  const [filters, setFilters] = createSignal<Record<string, string>>({});
  const [page, setPage] = createSignal(1);
  const [total, setTotal] = createSignal(0);
  const [items, { refetch }] = createResource(
    () => ({ ...filters(), page: String(page()), pageSize: String(PAGE_SIZE) }),
    async (query) => {
      const page = await answer(api.tenants[':tenantId'].inbox.$get({ param: { tenantId: props.tenantId }, query }));
      setTotal(page.total);
      return page.items;
    },
  );
  const apply = (event: SubmitEvent) => {
    const values = formValues(event);
    setFilters(Object.fromEntries(FILTERS.map((key) => [key, values[key]?.trim() ?? '']).filter(([, value]) => value !== '')));
    setPage(1);
  };
  return (
    <section aria-labelledby="inbox-heading">
      <h1 id="inbox-heading">{t('officerInboxHeading')}</h1>
      <p class="muted">{t('officerInboxIntro')}</p>
      <CodeLookup tenantId={props.tenantId} />
      <form class="filter-form" role="search" aria-label={t('officerFilters')} onSubmit={apply} data-testid="inbox-filters">
        <Field id="f-search" name="search" type="search" label={t('officerSearch')} hint={t('officerSearchHint')} maxLength={100} />
        <Field id="f-procedure" name="procedureCode" label={t('officerProcedureCode')} maxLength={20} />
        <SelectField id="f-status" name="status" label={t('officerStatus')}>
          <option value="">{t('officerAnyStatus')}</option>
          <For each={Object.entries(NATIONAL_STATUS)}>
            {([code, label]) => (
              <option value={code}>
                {code}. {pick(label)}
              </option>
            )}
          </For>
        </SelectField>
        <Field id="f-from" name="receivedFrom" type="date" label={t('officerReceivedFrom')} />
        <Field id="f-to" name="receivedTo" type="date" label={t('officerReceivedTo')} />
        <div class="button-row">
          <button type="submit" class="primary">
            {t('officerApplyFilters')}
          </button>
        </div>
      </form>
      <LoadState data={items} retry={() => void refetch()}>
        {(rows) => (
          <DataTable
            labelledBy="inbox-heading"
            testId="inbox-table"
            rows={rows()}
            rowTestId={(row) => `inbox-row-${row.code}`}
            columns={[
              {
                header: t('officerCode'),
                class: 'mono',
                cell: (row) => <A href={dossierPage(props.tenantId, row.dossierId)}>{row.code}</A>,
              },
              { header: t('officerApplicant'), cell: (row) => row.applicantName },
              {
                header: t('officerProcedure'),
                cell: (row) => (
                  <>
                    <span class="cell-main">{row.procedureName}</span>
                    <span class="cell-sub">{row.procedureCode}</span>
                  </>
                ),
              },
              {
                header: t('officerStep'),
                cell: (row) => (
                  <>
                    <span class="cell-main">{ROLE_LABELS[row.role] ? pick(ROLE_LABELS[row.role]) : row.role}</span>
                    <span class="cell-sub">{row.unitName}</span>
                  </>
                ),
              },
              { header: t('officerStatus'), cell: (row) => <StatusBadge status={row.nationalStatus} /> },
              {
                header: t('officerStepDue'),
                cell: (row) => (
                  <>
                    <span class="cell-main">{row.stepDueAt ? formatDateTime(row.stepDueAt) : '—'}</span>
                    <DeadlineBadge overdue={row.overdue} nearDue={row.nearDue} />
                    <Show when={row.dossierOverdue && !row.overdue}>
                      <span class="badge badge-overdue">{t('officerDossierOverdue')}</span>
                    </Show>
                  </>
                ),
              },
              { header: t('officerReceivedAt'), cell: (row) => formatDate(row.receivedAt) },
            ]}
          />
        )}
      </LoadState>
      <Pager page={page()} pageSize={PAGE_SIZE} total={total()} onPage={setPage} />
      <RegisterDownload tenantId={props.tenantId} />
    </section>
  );
}
