import type { Index766Score } from '@gov/domain';

/**
 * Orders lines best first by the normalised score (points over what was measurable, scaled to
 * 100), ties by name; equal scores share a rank (1, 2, 2, 4). A line with nothing measured has no
 * rank and comes last: ranking it would invent a score.
 */
export function rankByIndex<T extends { name: string; score: Index766Score }>(lines: T[]): (T & { rank: number | null })[] {
  const sorted = [...lines].sort((a, b) => (b.score.normalised ?? -1) - (a.score.normalised ?? -1) || a.name.localeCompare(b.name, 'vi'));
  return sorted.map((line) => {
    if (line.score.normalised === null) return { ...line, rank: null };
    // The first line with this score: sorted, so ties sit together and it is at or before `i`.
    return { ...line, rank: sorted.findIndex((other) => other.score.normalised === line.score.normalised) + 1 };
  });
}
