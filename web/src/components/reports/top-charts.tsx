import { formatNumber, formatPercent } from '../../i18n/format.js';
import { BarChart } from './bar-chart.js';
import { rankLines } from './rank-lines.js';
import { onTimeRate, type DossierCounts } from './report-types.js';

const TOP = 10;

type Line = DossierCounts & { code: string; name: string };

/**
 * The three pictures a reader looks at first, over report lines (provinces or units): the ten with
 * most to handle, the ten with most overdue at the end, the ten lowest on-time rates. The table of
 * every line stays on the page; these only point at where to look.
 */
export function TopCharts(props: { rows: readonly Line[]; captions: { toHandle: string; overdue: string; onTime: string } }) {
  const top = (rows: Line[], value: (r: Line) => number) => rows.slice(0, TOP).map((r) => ({ label: r.name, value: value(r) }));
  const toHandle = () =>
    top(
      rankLines(props.rows, 'volume').filter((r) => r.toHandle > 0),
      (r) => r.toHandle,
    );
  const overdue = () =>
    top(
      rankLines(props.rows, 'overdue').filter((r) => r.inProgressOverdue > 0),
      (r) => r.inProgressOverdue,
    );
  const lowestOnTime = () =>
    top(
      rankLines(props.rows, 'onTime')
        .filter((r) => onTimeRate(r) !== null)
        .reverse(),
      (r) => onTimeRate(r) ?? 0,
    );
  return (
    <div class="chart-grid">
      <BarChart caption={props.captions.toHandle} bars={toHandle()} format={(n) => formatNumber(n)} testId="chart-to-handle" />
      <BarChart caption={props.captions.overdue} bars={overdue()} format={(n) => formatNumber(n)} warn testId="chart-overdue" />
      <BarChart caption={props.captions.onTime} bars={lowestOnTime()} max={1} format={(n) => formatPercent(n)} testId="chart-on-time" />
    </div>
  );
}
