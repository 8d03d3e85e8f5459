import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './report-period.js';

const now = new Date('2026-03-15T10:00:00+07:00');

describe('resolvePeriod', () => {
  it('bounds a finished period by Vietnam civil days and judges overdue at its end', () => {
    expect(resolvePeriod({ from: '2026-02-01', to: '2026-02-28' }, now)).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      start: new Date('2026-02-01T00:00:00+07:00'),
      end: new Date('2026-03-01T00:00:00+07:00'),
      asOf: new Date('2026-03-01T00:00:00+07:00'),
    });
  });

  it('judges a running period now, not at its end: a dossier due this afternoon is not overdue yet', () => {
    const period = resolvePeriod({}, now);
    expect(period).toMatchObject({ from: '2026-03-01', to: '2026-03-15', end: new Date('2026-03-16T00:00:00+07:00') });
    expect(period.asOf).toEqual(now);
  });
});
