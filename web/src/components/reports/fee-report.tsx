import { createResource, For, Show } from 'solid-js';
import { answer, api } from '../../api.js';
import { formatNumber } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { ExportLinks } from '../export-links.js';
import { LoadOne } from '../load-state.js';
import { usePeriod } from './period-filter.js';
import type { FeeReport } from './report-types.js';

type Fees = FeeReport['totals'];

const COLUMNS: { key: keyof Fees; label: MessageKey }[] = [
  { key: 'paid', label: 'reportFeesPaid' },
  { key: 'paidOnline', label: 'reportFeesPaidOnline' },
  { key: 'amountVnd', label: 'reportFeesAmount' },
  { key: 'amountOnlineVnd', label: 'reportFeesAmountOnline' },
];

function FeeCells(props: { fees: Fees }) {
  return (
    <For each={COLUMNS}>
      {(c) => (
        <td class="num" data-col={c.key}>
          {formatNumber(props.fees[c.key])}
        </td>
      )}
    </For>
  );
}

/** Phí, lệ phí đã thu: the fees paid in the period by receiving unit, within the reader's scope (the API decides it). */
export function FeeReportSection(props: { tenantId: string }) {
  const { params, period } = usePeriod();
  const [report, { refetch }] = createResource(
    () => ({ tenantId: props.tenantId, query: period() }),
    ({ tenantId, query }) => answer(api.reports.provinces[':tenantId'].fees.$get({ param: { tenantId }, query })),
  );
  return (
    <section aria-labelledby="fees-report-heading" data-testid="fee-report">
      <h2 id="fees-report-heading">{t('reportFeesHeading')}</h2>
      <p class="muted">{t('reportFeesNote')}</p>
      <ExportLinks
        path={`/api/reports/provinces/${encodeURIComponent(props.tenantId)}/fees`}
        filters={{ from: params.from, to: params.to }}
        label={t('reportDownloadFees')}
        testId="export-fees"
      />
      <LoadOne data={report} retry={() => void refetch()}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="muted">{t('reportFeesEmpty')}</p>}>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="fees-report-heading">
              <table class="data-table" data-testid="fee-report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('formRegisterUnit')}</th>
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
                  <For each={data().items}>
                    {(row) => (
                      <tr>
                        <th scope="row">{row.name}</th>
                        <FeeCells fees={row} />
                      </tr>
                    )}
                  </For>
                </tbody>
                <tfoot>
                  <tr data-testid="fee-totals">
                    <th scope="row">{t('reportOfficersTotals')}</th>
                    <FeeCells fees={data().totals} />
                  </tr>
                </tfoot>
              </table>
            </div>
          </Show>
        )}
      </LoadOne>
    </section>
  );
}
