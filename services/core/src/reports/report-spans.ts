import type { ResolvedPeriod } from './report-period.js';

/**
 * How a period is read from dossier_counts (docs/reports/speed.md): the whole months inside it
 * from the month rows, the days before the first and after the last whole month from the day
 * rows. A year so far is eleven month rows and a few day rows per unit and procedure, instead of
 * a row per day. All bounds are civil dates `YYYY-MM-DD`; `months` is absent when the period holds
 * no whole month.
 */
export interface ReportSpans {
  /** The period's first and last day, inclusive. */
  from: string;
  to: string;
  /** The first day of the first whole month, and the first day after the last one. */
  months?: { from: string; until: string };
  /**
   * Days to take away from the months, inclusive: while the period runs, its last month is read
   * whole less the days after `to`. Those are in the future and hold (next to) no rows, where the
   * days up to `to` hold a row per unit, procedure and day; either way the sum is exact.
   */
  less?: { from: string; to: string };
}

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (day: string) => [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))] as const;
/** The first day of the month `offset` months after `day`'s. */
function monthStart(day: string, offset: number): string {
  const [y, m] = parts(day);
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}
/** Days in `day`'s month: day 0 of the next month is its last (a calendar fact, no clock). */
const monthLength = (day: string) => {
  const [y, m] = parts(day);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** `running`: the period's end is still to come (its `asOf` is before its `end`). */
export function reportSpans(period: Pick<ResolvedPeriod, 'from' | 'to'>, running = false): ReportSpans {
  const { from, to } = period;
  const first = from.endsWith('-01') ? from : monthStart(from, 1);
  const [lastDay, length] = [parts(to)[2], monthLength(to)];
  if (running && lastDay < length && from <= monthStart(to, 0)) {
    const month = to.slice(0, 8);
    return { from, to, months: { from: first, until: monthStart(to, 1) }, less: { from: `${month}${pad(lastDay + 1)}`, to: `${month}${pad(length)}` } };
  }
  const until = lastDay === length ? monthStart(to, 1) : monthStart(to, 0);
  return first < until ? { from, to, months: { from: first, until } } : { from, to };
}
