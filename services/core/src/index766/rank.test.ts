import { NOTHING_MEASURED as NOTHING, scoreIndex766 } from '@gov/domain';
import { describe, expect, it } from 'vitest';
import { rankByIndex } from './rank.js';

/** A line whose only measured criterion is filed online, `part` of 4. */
const line = (name: string, part: number | null) => ({
  name,
  score: scoreIndex766({ ...NOTHING, onlineSubmission: part === null ? null : { part, whole: 4 } }),
});

describe('rankByIndex', () => {
  it('ranks best first, ties share a rank and sort by name, and a line with nothing measured has no rank', () => {
    const ranked = rankByIndex([line('Đà Nẵng', 2), line('Cà Mau', null), line('Bắc Ninh', 3), line('An Giang', 2), line('Huế', 0)]);
    expect(ranked.map((r) => [r.name, r.rank, r.score.normalised])).toEqual([
      ['Bắc Ninh', 1, 75],
      ['An Giang', 2, 50],
      ['Đà Nẵng', 2, 50],
      ['Huế', 4, 0],
      ['Cà Mau', null, null],
    ]);
  });
});
