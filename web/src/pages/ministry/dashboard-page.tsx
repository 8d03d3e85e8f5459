import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { ExportLinks } from '../../components/export-links.js';
import { loaded, LoadOne } from '../../components/load-state.js';
import { formatNumber, formatPercent } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { BarChart } from './bar-chart.js';
import { KpiCards } from './kpi-cards.js';
import { PeriodFilter, usePeriod } from './period-filter.js';
import { RankedTable, rankProvinces } from './ranked-table.js';
import { RequireMinistry } from './require-ministry.js';
import { onTimeRate, type ProvinceReport } from './types.js';
import './ministry.css';

const TOP = 10;

/** Tổng quan: the ministry's landing page, every province side by side for one period. */
export default function DashboardPage() {
  return (
    <RequireMinistry>
      <Dashboard />
    </RequireMinistry>
  );
}

function Dashboard() {
  const { params, query, period } = usePeriod();
  const [report, { refetch }] = createResource(period, (query) => answer(api.reports.provinces.$get({ query })));
  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">{t('ministryDashboardHeading')}</h1>
      <p class="note" data-testid="oversight-note">
        {t('ministryDashboardIntro')}
      </p>
      <PeriodFilter shown={loaded(report)?.period} />
      <ExportLinks path="/api/reports/provinces" filters={{ from: params.from, to: params.to }} label={t('ministryDownloadReport')} testId="export-provinces" />
      <LoadOne data={report} retry={() => void refetch()}>
        {(data) => <Report data={data()} linkQuery={query()} />}
      </LoadOne>
    </section>
  );
}

function Report(props: { data: ProvinceReport; linkQuery: string }) {
  const top = (rows: ReturnType<typeof rankProvinces>, value: (r: ReturnType<typeof rankProvinces>[number]) => number) =>
    rows.slice(0, TOP).map((r) => ({ label: r.name, value: value(r) }));
  const toHandle = () =>
    top(
      rankProvinces(props.data.items, 'volume').filter((r) => r.toHandle > 0),
      (r) => r.toHandle,
    );
  const overdue = () =>
    top(
      rankProvinces(props.data.items, 'overdue').filter((r) => r.inProgressOverdue > 0),
      (r) => r.inProgressOverdue,
    );
  const lowestOnTime = () =>
    top(
      rankProvinces(props.data.items, 'onTime')
        .filter((r) => onTimeRate(r) !== null)
        .reverse(),
      (r) => onTimeRate(r) ?? 0,
    );
  return (
    <>
      <h2>{t('ministryNationalTotals')}</h2>
      <KpiCards counts={props.data.totals} testId="national-kpis" />
      <div class="chart-grid">
        <BarChart caption={t('ministryChartToHandle')} bars={toHandle()} format={(n) => formatNumber(n)} testId="chart-to-handle" />
        <BarChart caption={t('ministryChartOverdue')} bars={overdue()} format={(n) => formatNumber(n)} warn testId="chart-overdue" />
        <BarChart caption={t('ministryChartOnTime')} bars={lowestOnTime()} max={1} format={(n) => formatPercent(n)} testId="chart-on-time" />
      </div>
      <h2 id="ranked-heading" class="section-gap">
        {t('ministryRankedHeading')}
      </h2>
      <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('empty')}</p>}>
        <RankedTable rows={props.data.items} totals={props.data.totals} linkQuery={props.linkQuery} />
        <p class="muted" data-testid="cohort-note">
          {t('ministryCohortNote')}
        </p>
      </Show>
    </>
  );
}
