import { describe, expect, it } from 'vitest';
import { periodPresets } from './period-presets.js';

const at = (iso: string) => periodPresets(new Date(iso));
const byKey = (iso: string) => Object.fromEntries(at(iso).map((p) => [p.key, [p.from, p.to]]));

describe('report period presets', () => {
  it('counts months, quarters and years in Vietnam time', () => {
    expect(byKey('2026-05-14T10:00:00+07:00')).toEqual({
      thisMonth: ['2026-05-01', '2026-05-14'],
      lastMonth: ['2026-04-01', '2026-04-30'],
      thisQuarter: ['2026-04-01', '2026-05-14'],
      lastQuarter: ['2026-01-01', '2026-03-31'],
      thisYear: ['2026-01-01', '2026-05-14'],
      lastYear: ['2025-01-01', '2025-12-31'],
    });
  });

  it('is already the new year in Vietnam at 17:30 UTC on 31 December, and February knows leap years', () => {
    expect(byKey('2027-12-31T17:30:00Z')).toMatchObject({
      thisMonth: ['2028-01-01', '2028-01-01'],
      lastMonth: ['2027-12-01', '2027-12-31'],
      lastQuarter: ['2027-10-01', '2027-12-31'],
      lastYear: ['2027-01-01', '2027-12-31'],
    });
    expect(byKey('2028-03-02T08:00:00+07:00').lastMonth).toEqual(['2028-02-01', '2028-02-29']);
  });
});
