import { For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { CountCells, CountHeaders, ReportSection, type CountColumn } from './report-section.js';
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
      {(data, headingId) => <FeeFigures data={data} headingId={headingId} />}
    </ReportSection>
  );
}

function FeeFigures(props: { data: FeeReport; headingId: string }) {
  return (
    <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('reportFeesEmpty')}</p>}>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby={props.headingId}>
        <table class="data-table" data-testid="fee-report-table">
          <thead>
            <tr>
              <th scope="col">{t('formRegisterUnit')}</th>
              <CountHeaders columns={COLUMNS} />
            </tr>
          </thead>
          <tbody>
            <For each={props.data.items}>
              {(row) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  <CountCells columns={COLUMNS} values={row} />
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr data-testid="fee-totals">
              <th scope="row">{t('reportOfficersTotals')}</th>
              <CountCells columns={COLUMNS} values={props.data.totals} />
            </tr>
          </tfoot>
        </table>
      </div>
    </Show>
  );
}
