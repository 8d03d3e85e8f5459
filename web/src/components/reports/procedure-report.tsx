import { Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { BarChart } from './bar-chart.js';
import { CohortTable } from './cohort-table.js';
import { ReportSection } from './report-section.js';
import type { ProcedureReport } from './report-types.js';

/**
 * Theo thủ tục: the province's report by procedure for the page's period, in the columns of the
 * report by unit and in the reader's scope (the API decides it), with its chart and download.
 */
export function ProcedureReportSection(props: { tenantId: string }) {
  return (
    <ReportSection
      name="procedures"
      tenantId={props.tenantId}
      testId="procedure-report"
      heading="reportProceduresHeading"
      note="reportProceduresNote"
      download="reportDownloadProcedures"
      load={(tenantId, query) => answer(api.reports.provinces[':tenantId'].procedures.$get({ param: { tenantId }, query }))}
    >
      {(data, headingId) => <ProcedureFigures data={data} headingId={headingId} />}
    </ReportSection>
  );
}

function ProcedureFigures(props: { data: ProcedureReport; headingId: string }) {
  // The API lists the most to handle first.
  const bars = () => props.data.items.slice(0, 10).map((row) => ({ label: row.name, value: row.toHandle }));
  return (
    <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('ministryChartEmpty')}</p>}>
      <div class="chart-grid">
        <BarChart caption={t('reportChartProcedures')} bars={bars()} format={(n) => formatNumber(n)} testId="chart-procedures" />
      </div>
      <CohortTable
        labelledBy={props.headingId}
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
