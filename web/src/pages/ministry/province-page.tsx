import { A, useParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { ExportLinks } from '../../components/export-links.js';
import type { UnitReport } from '../../components/reports/report-types.js';
import { loaded, LoadOne } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { KpiCards } from '../../components/reports/kpi-cards.js';
import { PeriodFilter, usePeriod } from '../../components/reports/period-filter.js';
import { ProvinceAdmins } from './province-admins.js';
import { ProvinceDossiers } from './province-dossiers.js';
import { ProvinceOrgUnits } from './province-units.js';
import { RequireMinistry } from './require-ministry.js';
import { ConsultationReportSection } from '../../components/reports/consultation-report.js';
import { FeeReportSection } from '../../components/reports/fee-report.js';
import { OfficerReportSection } from '../../components/reports/officer-report.js';
import { ProcedureReportSection } from '../../components/reports/procedure-report.js';
import { UnitReportTable } from '../../components/reports/unit-report-table.js';
import './ministry.css';

/** Drill-down into one province, read only; the only write is the ministry's own appointment. */
export default function ProvincePage() {
  return (
    <RequireMinistry>
      <Province />
    </RequireMinistry>
  );
}

function Province() {
  const params = useParams<{ tenantId: string }>();
  const { params: shown, query, period } = usePeriod();
  const [report, { refetch }] = createResource(
    () => ({ tenantId: params.tenantId, query: period() }),
    ({ tenantId, query }) => answer(api.reports.provinces[':tenantId'].units.$get({ param: { tenantId }, query })),
  );
  return (
    <section aria-labelledby="province-heading">
      <p>
        <A href={`/ministry/dashboard${query()}`}>← {t('ministryBack')}</A>
      </p>
      <h1 id="province-heading">{loaded(report)?.province.fullName ?? t('ministryProvinceHeading')}</h1>
      <p class="note" data-testid="oversight-note">
        {t('ministryReadOnly')}
      </p>
      <p>
        <A href={`/ministry/provinces/${encodeURIComponent(params.tenantId ?? '')}/audit-log`}>{t('auditOpenLog')}</A>
      </p>
      <PeriodFilter shown={loaded(report)?.period} />
      <ExportLinks
        path={`/api/reports/provinces/${encodeURIComponent(params.tenantId ?? '')}/units`}
        filters={{ from: shown.from, to: shown.to }}
        label={t('ministryDownloadReport')}
        testId="export-units"
      />
      <LoadOne data={report} retry={() => void refetch()}>
        {(data) => <UnitSummary data={data()} />}
      </LoadOne>
      <Show when={params.tenantId}>
        {(id) => (
          <>
            <ProcedureReportSection tenantId={id()} />
            <OfficerReportSection tenantId={id()} />
            <FeeReportSection tenantId={id()} />
            <ConsultationReportSection tenantId={id()} />
            <ProvinceDossiers tenantId={id()} />
            <ProvinceOrgUnits tenantId={id()} />
            <ProvinceAdmins tenantId={id()} />
          </>
        )}
      </Show>
    </section>
  );
}

function UnitSummary(props: { data: UnitReport }) {
  return (
    <>
      <KpiCards counts={props.data.totals} testId="province-kpis" />
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
