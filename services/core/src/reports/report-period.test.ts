import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './report-period.js';
import { reportSpans } from './report-spans.js';

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

describe('reportSpans', () => {
  it('reads whole months from month rows and the partial ones by day', () => {
    expect(reportSpans({ from: '2026-01-10', to: '2026-03-15' })).toEqual({
      from: '2026-01-10',
      to: '2026-03-15',
      months: { from: '2026-02-01', until: '2026-03-01' },
    });
    expect(reportSpans({ from: '2026-03-02', to: '2026-03-15' })).toEqual({ from: '2026-03-02', to: '2026-03-15' });
  });

  it("reads a running period's last month whole, less the days after its end, when the period holds its first day", () => {
    expect(reportSpans({ from: '2026-01-01', to: '2026-03-15' }, true)).toEqual({
      from: '2026-01-01',
      to: '2026-03-15',
      months: { from: '2026-01-01', until: '2026-04-01' },
      less: { from: '2026-03-16', to: '2026-03-31' },
    });
    expect(reportSpans({ from: '2026-03-01', to: '2026-03-15' }, true)).toMatchObject({ less: { from: '2026-03-16', to: '2026-03-31' } });
    expect(reportSpans({ from: '2026-03-02', to: '2026-03-15' }, true)).toEqual({ from: '2026-03-02', to: '2026-03-15' });
    expect(reportSpans({ from: '2026-02-01', to: '2026-02-28' }, true)).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      months: { from: '2026-02-01', until: '2026-03-01' },
    });
  });
});
