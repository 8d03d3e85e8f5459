import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { ExportLinks } from '../export-links.js';
import { LoadOne } from '../load-state.js';
import { BarChart } from './bar-chart.js';
import { CohortTable } from './cohort-table.js';
import { usePeriod } from './period-filter.js';
import type { ProcedureReport } from './report-types.js';

/**
 * Theo thủ tục: the province's report by procedure for the page's period, in the columns of the
 * report by unit and in the reader's scope (the API decides it), with its chart and download.
 */
export function ProcedureReportSection(props: { tenantId: string }) {
  const { params, period } = usePeriod();
  const [report, { refetch }] = createResource(
    () => ({ tenantId: props.tenantId, query: period() }),
    ({ tenantId, query }) => answer(api.reports.provinces[':tenantId'].procedures.$get({ param: { tenantId }, query })),
  );
  return (
    <section aria-labelledby="procedures-report-heading" data-testid="procedure-report">
      <h2 id="procedures-report-heading">{t('reportProceduresHeading')}</h2>
      <p class="muted">{t('reportProceduresNote')}</p>
      <ExportLinks
        path={`/api/reports/provinces/${encodeURIComponent(props.tenantId)}/procedures`}
        filters={{ from: params.from, to: params.to }}
        label={t('reportDownloadProcedures')}
        testId="export-procedures"
      />
      <LoadOne data={report} retry={() => void refetch()}>
        {(data) => <ProcedureFigures data={data()} />}
      </LoadOne>
    </section>
  );
}

function ProcedureFigures(props: { data: ProcedureReport }) {
  // The API lists the most to handle first.
  const bars = () => props.data.items.slice(0, 10).map((row) => ({ label: row.name, value: row.toHandle }));
  return (
    <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('ministryChartEmpty')}</p>}>
      <div class="chart-grid">
        <BarChart caption={t('reportChartProcedures')} bars={bars()} format={(n) => formatNumber(n)} testId="chart-procedures" />
      </div>
      <CohortTable
        labelledBy="procedures-report-heading"
        testId="procedure-report-table"
        leadingHeader={t('reportProcedure')}
        rows={props.data.items}
        rowTestId={(row) => `procedure-report-${row.procedureCode}`}
        rowHeader={(row) => (
          <>
            {row.name} <span class="muted">({row.procedureCode})</span>
          </>
        )}
        totals={props.data.totals}
        totalsLabel={t('reportProceduresTotals')}
        totalsTestId="procedure-totals"
      />
    </Show>
  );
}
