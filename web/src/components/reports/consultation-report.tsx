import { answer, api } from '../../api.js';
import { ReportSection, UnitCountTable, type CountColumn } from './report-section.js';
import type { ConsultationReport } from './report-types.js';

const COLUMNS: CountColumn<keyof ConsultationReport['totals']>[] = [
  { key: 'opened', label: 'reportConsultationsOpened' },
  { key: 'answeredOnTime', label: 'reportConsultationsOnTime' },
  { key: 'answeredLate', label: 'reportConsultationsLate', warn: true },
  { key: 'openOverdue', label: 'reportConsultationsOpenOverdue', warn: true },
];

/**
 * Xin ý kiến các đơn vị: the consultation requests opened in the period by the units in the
 * reader's scope, one line per unit asked (the API decides the scope and the counts).
 */
export function ConsultationReportSection(props: { tenantId: string }) {
  return (
    <ReportSection
      name="consultations"
      tenantId={props.tenantId}
      testId="consultation-report"
      heading="reportConsultationsHeading"
      note="reportConsultationsNote"
      download="reportDownloadConsultations"
      load={(tenantId, query) => answer(api.reports.provinces[':tenantId'].consultations.$get({ param: { tenantId }, query }))}
    >
      {(data, headingId) => (
        <UnitCountTable
          headingId={headingId}
          testId="consultation"
          unitHeader="reportConsultationsUnit"
          empty="reportConsultationsEmpty"
          columns={COLUMNS}
          items={data.items}
          totals={data.totals}
        />
      )}
    </ReportSection>
  );
}
