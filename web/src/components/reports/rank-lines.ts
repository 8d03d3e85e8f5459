import { onTimeRate, type DossierCounts } from './report-types.js';

export type SortKey = 'onTime' | 'overdue' | 'volume';

/** A report line that can be ranked: a province or a unit, with its official code. */
type Line = DossierCounts & { code: string };

const byCode = (a: Line, b: Line) => a.code.localeCompare(b.code);
// Lines with nothing resolved have no rate: they rank after every rate, however low.
const rateOrNegative = (row: Line) => onTimeRate(row) ?? -1;
const SORTS: Record<SortKey, (a: Line, b: Line) => number> = {
  onTime: (a, b) => rateOrNegative(b) - rateOrNegative(a) || b.toHandle - a.toHandle || byCode(a, b),
  overdue: (a, b) => b.inProgressOverdue - a.inProgressOverdue || b.toHandle - a.toHandle || byCode(a, b),
  volume: (a, b) => b.toHandle - a.toHandle || byCode(a, b),
};

/** The lines in the order of one of the three measures reports rank on, best first. */
export function rankLines<T extends Line>(rows: readonly T[], key: SortKey): T[] {
  return [...rows].sort(SORTS[key]);
}
