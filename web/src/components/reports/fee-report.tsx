import { answer, api } from '../../api.js';
import { ReportSection, UnitCountTable, type CountColumn } from './report-section.js';
import type { FeeReport } from './report-types.js';

const COLUMNS: CountColumn<keyof FeeReport['totals']>[] = [
  { key: 'paid', label: 'reportFeesPaid' },
  { key: 'paidOnline', label: 'reportFeesPaidOnline' },
  { key: 'amountVnd', label: 'reportFeesAmount' },
  { key: 'amountOnlineVnd', label: 'reportFeesAmountOnline' },
];

/** Phí, lệ phí đã thu: the fees paid in the period by receiving unit, within the reader's scope (the API decides it). */
export function FeeReportSection(props: { tenantId: string }) {
  return (
    <ReportSection
      name="fees"
      tenantId={props.tenantId}
      testId="fee-report"
      heading="reportFeesHeading"
      note="reportFeesNote"
      download="reportDownloadFees"
      load={(tenantId, query) => answer(api.reports.provinces[':tenantId'].fees.$get({ param: { tenantId }, query }))}
    >
      {(data, headingId) => (
        <UnitCountTable
          headingId={headingId}
          testId="fee"
          unitHeader="formRegisterUnit"
          empty="reportFeesEmpty"
          columns={COLUMNS}
          items={data.items}
          totals={data.totals}
        />
      )}
    </ReportSection>
  );
}
