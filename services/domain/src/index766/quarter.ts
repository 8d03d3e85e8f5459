import * as v from 'valibot';

/**
 * A calendar quarter, `YYYY-Qn` (quý), the period the Decision 766 index is published for. Its
 * days are Vietnam civil days; whether it is over is decided against Vietnam's date, given by the
 * caller (this package reads no clock).
 */
export const Quarter = v.pipe(v.string('quý có dạng YYYY-Qn, ví dụ 2026-Q1'), v.regex(/^(19|20)\d{2}-Q[1-4]$/, 'quý có dạng YYYY-Qn, ví dụ 2026-Q1'));
export type Quarter = v.InferOutput<typeof Quarter>;

export interface QuarterDays {
  /** First civil day. */
  from: string;
  /** Last civil day, inclusive. */
  to: string;
  /** The civil day after the quarter: from then on it is closed. */
  next: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

/** The civil days of a quarter already checked by `Quarter`. */
export function quarterDays(quarter: Quarter): QuarterDays {
  const year = Number(quarter.slice(0, 4));
  const n = Number(quarter.slice(6));
  return {
    from: `${year}-${pad(3 * n - 2)}-01`,
    to: `${year}-${LAST_DAY[n - 1]}`,
    next: n === 4 ? `${year + 1}-01-01` : `${year}-${pad(3 * n + 1)}-01`,
  };
}

/** Whether the quarter has ended on `today`, a Vietnam civil date `YYYY-MM-DD`. */
export function quarterClosed(quarter: Quarter, today: string): boolean {
  return today >= quarterDays(quarter).next;
}

/** The latest quarter that has ended on `today` (Vietnam civil date). */
export function lastClosedQuarter(today: string): Quarter {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? `${year - 1}-Q4` : `${year}-Q${current - 1}`;
}
