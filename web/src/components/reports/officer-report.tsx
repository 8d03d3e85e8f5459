import { For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { BarChart } from './bar-chart.js';
import { CountCells, CountHeaders, ReportSection, type CountColumn } from './report-section.js';
import type { OfficerReport } from './report-types.js';

const COLUMNS: CountColumn<keyof OfficerReport['totals']>[] = [
  { key: 'openTasks', label: 'reportOpenTasks' },
  { key: 'overdueTasks', label: 'reportOverdueTasks', warn: true },
  { key: 'actions', label: 'reportActions' },
  { key: 'resolved', label: 'reportResolvedByOfficer' },
];

/**
 * Khối lượng công việc: each officer's open tasks at the period's end, how many past their step's
 * due time, actions and results in the period, within the reader's scope (the API decides it).
 */
export function OfficerReportSection(props: { tenantId: string }) {
  return (
    <ReportSection
      name="officers"
      tenantId={props.tenantId}
      testId="officer-report"
      heading="reportOfficersHeading"
      note="reportOfficersNote"
      download="reportDownloadOfficers"
      load={(tenantId, query) => answer(api.reports.provinces[':tenantId'].officers.$get({ param: { tenantId }, query }))}
    >
      {(data, headingId) => <OfficerFigures data={data} headingId={headingId} />}
    </ReportSection>
  );
}

function OfficerFigures(props: { data: OfficerReport; headingId: string }) {
  // The API lists the most open tasks first.
  const bars = () =>
    props.data.items
      .filter((row) => row.openTasks > 0)
      .slice(0, 10)
      .map((row) => ({ label: row.fullName, value: row.openTasks }));
  return (
    <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('reportOfficersEmpty')}</p>}>
      <div class="chart-grid">
        <BarChart caption={t('reportChartOpenTasks')} bars={bars()} format={(n) => formatNumber(n)} testId="chart-open-tasks" />
      </div>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby={props.headingId}>
        <table class="data-table" data-testid="officer-report-table">
          <thead>
            <tr>
              <th scope="col">{t('reportOfficer')}</th>
              <th scope="col">{t('reportOfficerUnit')}</th>
              <CountHeaders columns={COLUMNS} />
            </tr>
          </thead>
          <tbody>
            <For each={props.data.items}>
              {(row) => (
                <tr data-testid={`officer-report-${row.userId}`}>
                  <th scope="row">{row.fullName}</th>
                  <td>{row.unitName}</td>
                  <CountCells columns={COLUMNS} values={row} />
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr data-testid="officer-totals">
              <th scope="row" colSpan={2}>
                {t('reportOfficersTotals')}
              </th>
              <CountCells columns={COLUMNS} values={props.data.totals} />
            </tr>
          </tfoot>
        </table>
      </div>
    </Show>
  );
}
