import { For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { t } from '../../i18n/index.js';
import { CountCells, CountHeaders, ReportSection, type CountColumn } from './report-section.js';
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
      {(data, headingId) => <ConsultationFigures data={data} headingId={headingId} />}
    </ReportSection>
  );
}

function ConsultationFigures(props: { data: ConsultationReport; headingId: string }) {
  return (
    <Show when={props.data.items.length > 0} fallback={<p class="muted">{t('reportConsultationsEmpty')}</p>}>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby={props.headingId}>
        <table class="data-table" data-testid="consultation-report-table">
          <thead>
            <tr>
              <th scope="col">{t('reportConsultationsUnit')}</th>
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
            <tr data-testid="consultation-totals">
              <th scope="row">{t('reportOfficersTotals')}</th>
              <CountCells columns={COLUMNS} values={props.data.totals} />
            </tr>
          </tfoot>
        </table>
      </div>
    </Show>
  );
}
