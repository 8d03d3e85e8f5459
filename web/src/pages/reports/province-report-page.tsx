import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { ExportLinks } from '../../components/export-links.js';
import { loaded, LoadOne } from '../../components/load-state.js';
import { KpiCards } from '../../components/reports/kpi-cards.js';
import { PeriodFilter, usePeriod } from '../../components/reports/period-filter.js';
import type { UnitReport } from '../../components/reports/report-types.js';
import { TopCharts } from '../../components/reports/top-charts.js';
import { UnitReportTable } from '../../components/reports/unit-report-table.js';
import { RequireConsole } from '../../components/require-console.js';
import { ConsultationReportSection } from '../../components/reports/consultation-report.js';
import { FeeReportSection } from '../../components/reports/fee-report.js';
import { OfficerReportSection } from '../../components/reports/officer-report.js';
import { ProcedureReportSection } from '../../components/reports/procedure-report.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';

/**
 * Báo cáo: the province's own figures for a period, by receiving unit, for whoever reads its
 * reports. The API scopes them: its admins and province leaders see every unit and the province's
 * totals; a unit's leader or admin the units in their charge and their total. Same report, same
 * pieces and same download as the ministry's drill-down into the province.
 */
export default function ProvinceReportPage() {
  return <RequireConsole allowed={() => can('read', 'Report')}>{(tenantId) => <ProvinceReport tenantId={tenantId} />}</RequireConsole>;
}

function ProvinceReport(props: { tenantId: string }) {
  const { params, period } = usePeriod();
  const [report, { refetch }] = createResource(
    () => ({ tenantId: props.tenantId, query: period() }),
    ({ tenantId, query }) => answer(api.reports.provinces[':tenantId'].units.$get({ param: { tenantId }, query })),
  );
  const units = () => loaded(report)?.scope === 'units';
  return (
    <section aria-labelledby="report-heading">
      <h1 id="report-heading">{t('reportHeading')}</h1>
      <p class="muted" data-testid="report-intro">
        {units() ? t('reportIntroUnits') : t('reportIntroProvince')}
      </p>
      <PeriodFilter shown={loaded(report)?.period} />
      <ExportLinks
        path={`/api/reports/provinces/${encodeURIComponent(props.tenantId)}/units`}
        filters={{ from: params.from, to: params.to }}
        label={t('ministryDownloadReport')}
        testId="export-units"
      />
      <LoadOne data={report} retry={() => void refetch()}>
        {(data) => <Figures data={data()} />}
      </LoadOne>
      <ProcedureReportSection tenantId={props.tenantId} />
      <OfficerReportSection tenantId={props.tenantId} />
      <FeeReportSection tenantId={props.tenantId} />
      <ConsultationReportSection tenantId={props.tenantId} />
    </section>
  );
}

function Figures(props: { data: UnitReport }) {
  return (
    <>
      <h2>{props.data.scope === 'units' ? t('reportTotalsUnits') : t('reportTotalsProvince')}</h2>
      <KpiCards counts={props.data.totals} testId="report-kpis" />
      <TopCharts rows={props.data.items} captions={{ toHandle: t('reportChartToHandle'), overdue: t('reportChartOverdue'), onTime: t('reportChartOnTime') }} />
      <h2 id="units-report-heading">{t('ministryUnitsReport')}</h2>
      <p class="muted">{t('ministryUnitsReportNote')}</p>
      <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('ministryChartEmpty')}</p>}>
        <UnitReportTable rows={props.data.items} totals={props.data.totals} scope={props.data.scope} />
        <p class="muted" data-testid="cohort-note">
          {t('ministryCohortNote')}
        </p>
      </Show>
    </>
  );
}
