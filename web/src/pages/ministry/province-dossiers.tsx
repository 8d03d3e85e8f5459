import { NATIONAL_STATUS } from '@gov/domain';
import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { DataTable } from '../../components/data-table.js';
import { ExportLinks } from '../../components/export-links.js';
import { SelectField } from '../../components/field.js';
import { LoadState } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { formatDate } from '../../i18n/format.js';
import { pick, t } from '../../i18n/index.js';
import { tv } from './types.js';

const PAGE = 20;
const STATUSES = Object.keys(NATIONAL_STATUS).map(Number) as (keyof typeof NATIONAL_STATUS)[];

/** The province's dossiers by national status, newest first, paged by the API; nothing to act on. */
export function ProvinceDossiers(props: { tenantId: string }) {
  const [status, setStatus] = createSignal('');
  const [page, setPage] = createSignal(1);
  const [total, setTotal] = createSignal(0);
  const [dossiers, { refetch }] = createResource(
    () => ({ id: props.tenantId, status: status(), page: page() }),
    async (q) => {
      const query = { page: String(q.page), pageSize: String(PAGE), ...(q.status ? { status: q.status } : {}) };
      const result = await answer(api.reports.provinces[':tenantId'].dossiers.$get({ param: { tenantId: q.id }, query }));
      setTotal(result.total);
      return result.items;
    },
  );
  return (
    <section aria-labelledby="dossiers-heading" class="section-gap">
      <h2 id="dossiers-heading">{t('ministryDossiers')}</h2>
      <p class="muted">{t('ministryDossiersNote')}</p>
      <div class="sort-form">
        <SelectField
          id="dossier-status"
          name="status"
          label={t('ministryStatus')}
          value={status()}
          onChange={(e) => {
            setPage(1);
            setStatus(e.currentTarget.value);
          }}
        >
          <option value="">{t('ministryAllStatuses')}</option>
          <For each={STATUSES}>{(s) => <option value={String(s)}>{`${s}. ${pick(NATIONAL_STATUS[s])}`}</option>}</For>
        </SelectField>
      </div>
      <ExportLinks
        path={`/api/reports/provinces/${encodeURIComponent(props.tenantId)}/dossiers`}
        filters={{ status: status() }}
        label={t('ministryDownloadDossiers')}
        testId="export-dossiers"
      />
      <LoadState data={dossiers} retry={() => void refetch()}>
        {(items) => (
          <DataTable
            labelledBy="dossiers-heading"
            testId="dossier-table"
            rows={items()}
            rowTestId={(d) => `dossier-${d.code}`}
            columns={[
              { header: t('ministryDossierCode'), cell: (d) => d.code, class: 'mono' },
              {
                header: t('ministryProcedure'),
                cell: (d) => (
                  <>
                    <span class="cell-main">{d.procedureName}</span>
                    <span class="cell-sub">{d.procedureCode}</span>
                  </>
                ),
              },
              { header: t('ministryUnit'), cell: (d) => d.receivingUnitName },
              { header: t('ministryChannel'), cell: (d) => tv('ministryChannel', d.channel) },
              {
                header: t('ministryStatus'),
                cell: (d) => (
                  <>
                    {pick(NATIONAL_STATUS[d.nationalStatus as keyof typeof NATIONAL_STATUS])}
                    <Show when={d.overdue}>
                      <span class="overdue-badge">{t('ministryOverdueBadge')}</span>
                    </Show>
                  </>
                ),
              },
              { header: t('ministryReceivedAt'), cell: (d) => formatDate(d.receivedAt) },
              { header: t('ministryDueAt'), cell: (d) => (d.dueAt ? formatDate(d.dueAt) : '—') },
            ]}
          />
        )}
      </LoadState>
      <Pager page={page()} pageSize={PAGE} total={total()} onPage={setPage} />
    </section>
  );
}
