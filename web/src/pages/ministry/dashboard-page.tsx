import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { ExportLinks } from '../../components/export-links.js';
import { loaded, LoadOne } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { KpiCards } from '../../components/reports/kpi-cards.js';
import { PeriodFilter, usePeriod } from '../../components/reports/period-filter.js';
import { TopCharts } from '../../components/reports/top-charts.js';
import { RankedTable } from './ranked-table.js';
import { RequireMinistry } from './require-ministry.js';
import { NotificationUsageTable } from '../../components/notification-usage-table.js';
import type { ProvinceReport } from './types.js';
import './ministry.css';

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
      <NationalUsage period={period()} filters={{ from: params.from, to: params.to }} />
    </section>
  );
}

function Report(props: { data: ProvinceReport; linkQuery: string }) {
  return (
    <>
      <h2>{t('ministryNationalTotals')}</h2>
      <KpiCards counts={props.data.totals} testId="national-kpis" />
      <TopCharts
        rows={props.data.items}
        captions={{ toHandle: t('ministryChartToHandle'), overdue: t('ministryChartOverdue'), onTime: t('ministryChartOnTime') }}
      />
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

/** Every province's notification usage for the same period: what each pays for SMS and Zalo. */
function NationalUsage(props: { period: { from?: string; to?: string }; filters: Record<string, string | undefined> }) {
  const [usage, { refetch }] = createResource(
    () => props.period,
    (query) => answer(api.reports['notification-usage'].$get({ query })),
  );
  return (
    <>
      <h2 id="national-usage-heading" class="section-gap">
        {t('usageHeading')}
      </h2>
      <p class="muted">{t('usageIntro')}</p>
      <ExportLinks path="/api/reports/notification-usage" filters={props.filters} label={t('usageExport')} testId="export-national-usage" />
      <LoadOne data={usage} retry={() => void refetch()}>
        {(data) => <NotificationUsageTable rows={data().items} withProvince labelledBy="national-usage-heading" />}
      </LoadOne>
    </>
  );
}
