import { A } from '@solidjs/router';
import { createSignal, For, type JSX } from 'solid-js';
import { formatNumber, formatPercent } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { fill, onlineShare, onTimeRate, type DossierCounts, type ProvinceRow } from './types.js';

export type SortKey = 'onTime' | 'overdue' | 'volume';

const byName = (a: ProvinceRow, b: ProvinceRow) => a.code.localeCompare(b.code);
// Provinces with nothing resolved have no rate: they rank after every rate, however low.
const rateOrNegative = (row: ProvinceRow) => onTimeRate(row) ?? -1;
const SORTS: Record<SortKey, (a: ProvinceRow, b: ProvinceRow) => number> = {
  onTime: (a, b) => rateOrNegative(b) - rateOrNegative(a) || b.received - a.received || byName(a, b),
  overdue: (a, b) => b.overdueNow - a.overdueNow || b.received - a.received || byName(a, b),
  volume: (a, b) => b.received - a.received || byName(a, b),
};

export function rankProvinces(rows: readonly ProvinceRow[], key: SortKey): ProvinceRow[] {
  return [...rows].sort(SORTS[key]);
}

const rate = (value: number | null) => (value === null ? t('ministryNoRate') : formatPercent(value));

/**
 * Xếp hạng: every province with its numbers, sortable by the three measures the ministry ranks
 * on. The sort buttons sit in the column headers, which say which one is active (aria-sort).
 */
export function RankedTable(props: { rows: ProvinceRow[]; totals: DossierCounts; linkQuery: string }) {
  const [sort, setSort] = createSignal<SortKey>('onTime');
  const ranked = () => rankProvinces(props.rows, sort());
  const sortHeader = (key: SortKey, label: MessageKey): JSX.Element => (
    <th scope="col" class="num" aria-sort={sort() === key ? 'descending' : 'none'}>
      <button type="button" class="link-button" onClick={() => setSort(key)} aria-pressed={sort() === key} data-testid={`sort-${key}`}>
        {t(label)}
        {sort() === key ? ' ▼' : ''}
      </button>
    </th>
  );
  const plain = (label: MessageKey) => <th scope="col" class="num">{t(label)}</th>;
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ranked-heading">
      <table class="data-table" data-testid="ranked-table">
        <thead>
          <tr>
            {plain('ministryRank')}
            <th scope="col">{t('ministryProvince')}</th>
            {sortHeader('volume', 'ministryReceived')}
            {plain('ministryInProgress')}
            {plain('ministryOnTime')}
            {plain('ministryLate')}
            {sortHeader('overdue', 'ministryOverdueNow')}
            {sortHeader('onTime', 'ministryOnTimeRate')}
            {plain('ministryOnlineShare')}
          </tr>
        </thead>
        <tbody>
          <For each={ranked()}>
            {(row, i) => (
              <tr data-testid={`province-row-${row.tenantId}`}>
                <td class="num">{formatNumber(i() + 1)}</td>
                <th scope="row">
                  <A href={`/ministry/provinces/${row.tenantId}${props.linkQuery}`} aria-label={fill('ministryDrillDown', { name: row.fullName })}>{row.fullName}</A>
                </th>
                <td class="num" data-col="received">{formatNumber(row.received)}</td>
                <td class="num" data-col="inProgress">{formatNumber(row.inProgress)}</td>
                <td class="num" data-col="onTime">{formatNumber(row.resolvedOnTime)}</td>
                <td class="num" data-col="late">{formatNumber(row.resolvedLate)}</td>
                <td class="num" data-col="overdueNow">{formatNumber(row.overdueNow)}</td>
                <td class="num" data-col="onTimeRate">{rate(onTimeRate(row))}</td>
                <td class="num" data-col="onlineShare">{rate(onlineShare(row))}</td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr data-testid="national-totals">
            <td />
            <th scope="row">{t('ministryNationalTotals')}</th>
            <td class="num">{formatNumber(props.totals.received)}</td>
            <td class="num">{formatNumber(props.totals.inProgress)}</td>
            <td class="num">{formatNumber(props.totals.resolvedOnTime)}</td>
            <td class="num">{formatNumber(props.totals.resolvedLate)}</td>
            <td class="num">{formatNumber(props.totals.overdueNow)}</td>
            <td class="num">{rate(onTimeRate(props.totals))}</td>
            <td class="num">{rate(onlineShare(props.totals))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
