import { createResource, createSignal } from 'solid-js';
import { answer, api } from '../../api.js';
import { formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { ExportLinks } from '../../components/export-links.js';
import { Field } from '../../components/field.js';
import { LoadState } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { formatDateTime } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { ChainStatusLine } from './chain-status.js';
import './audit.css';

const PAGE = 50;
const FILTERS = ['actor', 'action', 'subjectType', 'subjectId', 'from', 'to'] as const;

/**
 * One province's audit log: the chain status, filters sent as typed (the API checks them and
 * its message is shown by the load state), and the rows newest first, paged by the API.
 */
export function AuditLogView(props: { tenantId: string; headingId: string }) {
  const [filters, setFilters] = createSignal<Record<string, string>>({});
  const [page, setPage] = createSignal(1);
  const [total, setTotal] = createSignal(0);
  const [entries, { refetch }] = createResource(
    () => ({ id: props.tenantId, filters: filters(), page: page() }),
    async (q) => {
      const query: Record<string, string> = { page: String(q.page), pageSize: String(PAGE) };
      for (const [name, value] of Object.entries(q.filters)) if (value) query[name] = value;
      const result = await answer(api.tenants[':tenantId']['audit-log'].$get({ param: { tenantId: q.id }, query }));
      setTotal(result.total);
      return result.items;
    },
  );
  const submit = (e: SubmitEvent) => {
    const values = formValues(e);
    setPage(1);
    setFilters(Object.fromEntries(FILTERS.map((name) => [name, (values[name] ?? '').trim()])));
  };
  return (
    <>
      <ChainStatusLine tenantId={props.tenantId} />
      <form
        class="audit-filters"
        onSubmit={submit}
        onReset={() => {
          setPage(1);
          setFilters({});
        }}
        aria-label={t('auditFilters')}
      >
        <Field id="audit-actor" name="actor" label={t('auditActor')} autocomplete="off" />
        <Field id="audit-action" name="action" label={t('auditAction')} autocomplete="off" />
        <Field id="audit-subject-type" name="subjectType" label={t('auditSubjectType')} autocomplete="off" />
        <Field id="audit-subject-id" name="subjectId" label={t('auditSubjectId')} autocomplete="off" />
        <Field id="audit-from" name="from" type="date" label={t('auditFrom')} />
        <Field id="audit-to" name="to" type="date" label={t('auditTo')} />
        <button type="submit">{t('auditApply')}</button>
        <button type="reset" class="secondary">
          {t('auditClear')}
        </button>
      </form>
      <ExportLinks
        path={`/api/tenants/${encodeURIComponent(props.tenantId)}/audit-log`}
        filters={filters()}
        label={t('auditDownloadLog')}
        testId="export-audit-log"
      />
      <LoadState data={entries} retry={() => void refetch()}>
        {(items) => (
          <DataTable
            labelledBy={props.headingId}
            testId="audit-table"
            rows={items()}
            rowTestId={(e) => `audit-${e.seq}`}
            columns={[
              { header: t('auditSeq'), cell: (e) => e.seq, class: 'num' },
              { header: t('auditTime'), cell: (e) => formatDateTime(e.occurredAt) },
              {
                header: t('auditActorColumn'),
                cell: (e) =>
                  e.actorLogin ? (
                    <>
                      <span class="cell-main">{e.actorName}</span>
                      <span class="cell-sub">{e.actorLogin}</span>
                    </>
                  ) : (
                    t('auditSystem')
                  ),
              },
              { header: t('auditActionColumn'), cell: (e) => e.action, class: 'mono' },
              {
                header: t('auditSubject'),
                cell: (e) => (
                  <>
                    <span class="cell-main">{e.subjectType}</span>
                    <span class="cell-sub mono">{e.subjectId ?? '—'}</span>
                  </>
                ),
              },
              { header: t('auditDetails'), cell: (e) => (e.details === null ? '—' : <span class="audit-details">{JSON.stringify(e.details)}</span>) },
            ]}
          />
        )}
      </LoadState>
      <Pager page={page()} pageSize={PAGE} total={total()} onPage={setPage} />
    </>
  );
}
