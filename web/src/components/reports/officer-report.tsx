import { createResource, For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { ExportLinks } from '../export-links.js';
import { LoadOne } from '../load-state.js';
import { BarChart } from './bar-chart.js';
import { usePeriod } from './period-filter.js';
import type { OfficerReport } from './report-types.js';

type Workload = OfficerReport['totals'];

const COLUMNS: { key: keyof Workload; label: MessageKey; warn?: boolean }[] = [
  { key: 'openTasks', label: 'reportOpenTasks' },
  { key: 'overdueTasks', label: 'reportOverdueTasks', warn: true },
  { key: 'actions', label: 'reportActions' },
  { key: 'resolved', label: 'reportResolvedByOfficer' },
];

function WorkloadCells(props: { workload: Workload }) {
  return (
    <For each={COLUMNS}>
      {(c) => (
        <td class={c.warn && props.workload[c.key] > 0 ? 'num warn-count' : 'num'} data-col={c.key}>
          {formatNumber(props.workload[c.key])}
        </td>
      )}
    </For>
  );
}

/**
 * Khối lượng công việc: each officer's open tasks at the period's end, how many past their step's
 * due time, actions and results in the period, within the reader's scope (the API decides it).
 */
export function OfficerReportSection(props: { tenantId: string }) {
  const { params, period } = usePeriod();
  const [report, { refetch }] = createResource(
    () => ({ tenantId: props.tenantId, query: period() }),
    ({ tenantId, query }) => answer(api.reports.provinces[':tenantId'].officers.$get({ param: { tenantId }, query })),
  );
  return (
    <section aria-labelledby="officers-report-heading" data-testid="officer-report">
      <h2 id="officers-report-heading">{t('reportOfficersHeading')}</h2>
      <p class="muted">{t('reportOfficersNote')}</p>
      <ExportLinks
        path={`/api/reports/provinces/${encodeURIComponent(props.tenantId)}/officers`}
        filters={{ from: params.from, to: params.to }}
        label={t('reportDownloadOfficers')}
        testId="export-officers"
      />
      <LoadOne data={report} retry={() => void refetch()}>
        {(data) => <OfficerFigures data={data()} />}
      </LoadOne>
    </section>
  );
}

function OfficerFigures(props: { data: OfficerReport }) {
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
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="officers-report-heading">
        <table class="data-table" data-testid="officer-report-table">
          <thead>
            <tr>
              <th scope="col">{t('reportOfficer')}</th>
              <th scope="col">{t('reportOfficerUnit')}</th>
              <For each={COLUMNS}>
                {(c) => (
                  <th scope="col" class="num">
                    {t(c.label)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.data.items}>
              {(row) => (
                <tr data-testid={`officer-report-${row.userId}`}>
                  <th scope="row">{row.fullName}</th>
                  <td>{row.unitName}</td>
                  <WorkloadCells workload={row} />
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr data-testid="officer-totals">
              <th scope="row" colSpan={2}>
                {t('reportOfficersTotals')}
              </th>
              <WorkloadCells workload={props.data.totals} />
            </tr>
          </tfoot>
        </table>
      </div>
    </Show>
  );
}
