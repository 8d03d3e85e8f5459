import { createResource, createSignal, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { DataTable } from '../../components/data-table.js';
import { ExportLinks } from '../../components/export-links.js';
import { LoadState } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { formatDateTime } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import './audit.css';

const PAGE = 50;

/** Bộ đã xem dữ liệu của tỉnh: who at the ministry read what of the province, newest first. */
export function MinistryReadsView(props: { tenantId: string; headingId: string }) {
  const [page, setPage] = createSignal(1);
  const [total, setTotal] = createSignal(0);
  const [reads, { refetch }] = createResource(
    () => ({ id: props.tenantId, page: page() }),
    async (q) => {
      const query = { page: String(q.page), pageSize: String(PAGE) };
      const result = await answer(api.tenants[':tenantId']['ministry-reads'].$get({ param: { tenantId: q.id }, query }));
      setTotal(result.total);
      return result.items;
    },
  );
  return (
    <>
      <ExportLinks
        path={`/api/tenants/${encodeURIComponent(props.tenantId)}/ministry-reads`}
        filters={{}}
        label={t('auditDownloadReads')}
        testId="export-ministry-reads"
      />
      <LoadState data={reads} retry={() => void refetch()}>
        {(items) => (
          <DataTable
            labelledBy={props.headingId}
            testId="ministry-reads-table"
            rows={items()}
            columns={[
              { header: t('auditTime'), cell: (r) => formatDateTime(r.occurredAt) },
              {
                header: t('auditReader'),
                cell: (r) => (
                  <>
                    <span class="cell-main">{r.actorName}</span>
                    <span class="cell-sub">{r.actorLogin}</span>
                  </>
                ),
              },
              {
                header: t('auditResource'),
                cell: (r) => (
                  <>
                    <span class="cell-main mono">{r.resource}</span>
                    <Show when={r.national}>
                      <span class="cell-sub">{t('auditNational')}</span>
                    </Show>
                    <Show when={r.resourceIds}>{(ids) => <span class="cell-sub mono">{Object.values(ids()).join(', ')}</span>}</Show>
                  </>
                ),
              },
            ]}
          />
        )}
      </LoadState>
      <Pager page={page()} pageSize={PAGE} total={total()} onPage={setPage} />
    </>
  );
}
