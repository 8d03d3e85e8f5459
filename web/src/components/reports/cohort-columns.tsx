import { For, Show, type JSX } from 'solid-js';
import { formatNumber, formatPercent } from '../../i18n/format.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { onlineShare, onTimeRate, type DossierCounts } from './report-types.js';
import './reports.css';

export type ColumnKey = keyof DossierCounts | 'onTimeRate' | 'onlineShare';

interface Column {
  key: ColumnKey;
  label: MessageKey;
  value: (c: DossierCounts) => string;
  /** Shown in the danger colour when not zero: late and overdue dossiers. */
  warn?: (c: DossierCounts) => boolean;
}

const rate = (value: number | null) => (value === null ? t('ministryNoRate') : formatPercent(value));
const count = (key: keyof DossierCounts, label: MessageKey, warn = false): Column => ({
  key,
  label,
  value: (c) => formatNumber(c[key]),
  warn: warn ? (c) => c[key] > 0 : undefined,
});

/**
 * The column groups of the periodic report (Circular 01/2020/TT-VPCP form, as we read it): to
 * handle, resolved, in progress at the end; then the dossiers that ended without a result, which
 * make the groups add up, and the two rates the ministry ranks on.
 */
const GROUPS: { label: MessageKey; columns: Column[] }[] = [
  {
    label: 'ministryToHandle',
    columns: [
      count('toHandle', 'ministryTotal'),
      count('carriedOver', 'ministryCarriedOver'),
      count('received', 'ministryReceived'),
      count('receivedOnline', 'ministryReceivedOnline'),
      count('receivedInPersonOrPost', 'ministryReceivedInPersonOrPost'),
    ],
  },
  {
    label: 'ministryResolved',
    columns: [
      count('resolved', 'ministryTotal'),
      count('resolvedEarly', 'ministryEarly'),
      count('resolvedOnTime', 'ministryOnTime'),
      count('resolvedLate', 'ministryLate', true),
    ],
  },
  {
    label: 'ministryInProgress',
    columns: [count('inProgressAtEnd', 'ministryTotal'), count('inProgressInTime', 'ministryInTime'), count('inProgressOverdue', 'ministryOverdue', true)],
  },
];
const SINGLES: Column[] = [
  count('endedWithoutResult', 'ministryEndedWithoutResult'),
  count('endedOverdue', 'reportEndedOverdue', true),
  count('forOtherProvince', 'reportForOtherProvince'),
  { key: 'onTimeRate', label: 'ministryOnTimeRate', value: (c) => rate(onTimeRate(c)) },
  { key: 'onlineShare', label: 'ministryOnlineShare', value: (c) => rate(onlineShare(c)) },
];
const COLUMNS = [...GROUPS.flatMap((g) => g.columns), ...SINGLES];

export interface CohortSort<K extends string> {
  by: Partial<Record<ColumnKey, K>>;
  active: K;
  onSort: (key: K) => void;
}

/**
 * The two header rows, after the caller's leading header cells (spanning both rows). A leaf
 * header carries its group's name for screen readers ("Đã giải quyết: Tổng số"), so three
 * "Tổng số" columns are never confused; sortable ones hold a button and say which sort is on.
 */
export function CohortHead<K extends string>(props: { leading: JSX.Element; sort?: CohortSort<K> }) {
  const leaf = (column: Column, group?: MessageKey) => {
    const key = () => props.sort?.by[column.key];
    const active = () => key() !== undefined && props.sort?.active === key();
    const label = (
      <>
        <Show when={group}>{(g) => <span class="visually-hidden">{`${t(g())}: `}</span>}</Show>
        {t(column.label)}
      </>
    );
    return (
      <th scope="col" class="num" rowSpan={group ? undefined : 2} aria-sort={key() === undefined ? undefined : active() ? 'descending' : 'none'}>
        <Show when={key()} fallback={label}>
          {(k) => (
            <button type="button" class="link-button" onClick={() => props.sort?.onSort(k())} aria-pressed={active()} data-testid={`sort-${k()}`}>
              {label}
              {active() ? ' ▼' : ''}
            </button>
          )}
        </Show>
      </th>
    );
  };
  return (
    <thead>
      <tr>
        {props.leading}
        <For each={GROUPS}>
          {(g) => (
            <th scope="colgroup" colSpan={g.columns.length} class="group-head">
              {t(g.label)}
            </th>
          )}
        </For>
        <For each={SINGLES}>{(c) => leaf(c)}</For>
      </tr>
      <tr>
        <For each={GROUPS}>{(g) => <For each={g.columns}>{(c) => leaf(c, g.label)}</For>}</For>
      </tr>
    </thead>
  );
}

/** `<colgroup>`s matching the header, so each group header names the columns below it. */
export function CohortColgroups(props: { leading: number }) {
  return (
    <>
      <colgroup span={props.leading} />
      <For each={GROUPS}>{(g) => <colgroup span={g.columns.length} />}</For>
      <For each={SINGLES}>{() => <colgroup />}</For>
    </>
  );
}

/** One line's cells, in the header's order; `data-col` names the count for tests and styles. */
export function CohortCells(props: { counts: DossierCounts }) {
  return (
    <For each={COLUMNS}>
      {(c) => (
        <td class={c.warn?.(props.counts) ? 'num warn-count' : 'num'} data-col={c.key}>
          {c.value(props.counts)}
        </td>
      )}
    </For>
  );
}
