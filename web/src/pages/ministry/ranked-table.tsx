import { A } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { CohortCells, CohortColgroups, CohortHead } from '../../components/reports/cohort-columns.js';
import { rankLines, type SortKey } from '../../components/reports/rank-lines.js';
import type { DossierCounts } from '../../components/reports/report-types.js';
import { fill, type ProvinceRow } from './types.js';

/**
 * Xếp hạng: every province in the columns of the periodic report, sortable by the three measures
 * the ministry ranks on (dossiers to handle, overdue at the end, on-time rate). The sort buttons
 * sit in the column headers, which say which one is active (aria-sort).
 */
export function RankedTable(props: { rows: ProvinceRow[]; totals: DossierCounts; linkQuery: string }) {
  const [sort, setSort] = createSignal<SortKey>('onTime');
  const ranked = () => rankLines(props.rows, sort());
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ranked-heading">
      <table class="data-table cohort-table" data-testid="ranked-table">
        <CohortColgroups leading={2} />
        <CohortHead
          leading={
            <>
              <th scope="col" rowSpan={2} class="num">
                {t('ministryRank')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('ministryProvince')}
              </th>
            </>
          }
          sort={{ by: { toHandle: 'volume', inProgressOverdue: 'overdue', onTimeRate: 'onTime' }, active: sort(), onSort: setSort }}
        />
        <tbody>
          <For each={ranked()}>
            {(row, i) => (
              <tr data-testid={`province-row-${row.tenantId}`}>
                <td class="num">{formatNumber(i() + 1)}</td>
                <th scope="row">
                  <A href={`/ministry/provinces/${row.tenantId}${props.linkQuery}`} aria-label={fill('ministryDrillDown', { name: row.fullName })}>
                    {row.fullName}
                  </A>
                </th>
                <CohortCells counts={row} />
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr data-testid="national-totals">
            <td />
            <th scope="row">{t('ministryNationalTotals')}</th>
            <CohortCells counts={props.totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
