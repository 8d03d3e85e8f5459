import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { lastClosedQuarter, Quarter, quarterClosed, quarterDays } from './quarter.js';

describe('quarters', () => {
  it('accepts YYYY-Qn only', () => {
    expect(v.is(Quarter, '2026-Q1')).toBe(true);
    for (const bad of ['2026-Q5', '2026Q1', '2026-q1', '2026-01', 'Q1-2026', '']) expect(v.is(Quarter, bad), bad).toBe(false);
  });

  it('knows its civil days, the fourth running to the year’s end', () => {
    expect(quarterDays('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31', next: '2026-04-01' });
    expect(quarterDays('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30', next: '2026-10-01' });
    expect(quarterDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31', next: '2027-01-01' });
  });

  it('is closed from the first day after it, in Vietnam’s calendar', () => {
    expect(quarterClosed('2026-Q1', '2026-03-31')).toBe(false);
    expect(quarterClosed('2026-Q1', '2026-04-01')).toBe(true);
    expect(quarterClosed('2026-Q4', '2026-12-31')).toBe(false);
    expect(quarterClosed('2026-Q4', '2027-01-01')).toBe(true);
  });

  it('names the last closed quarter', () => {
    expect(lastClosedQuarter('2026-05-10')).toBe('2026-Q1');
    expect(lastClosedQuarter('2026-02-01')).toBe('2025-Q4');
    expect(lastClosedQuarter('2026-12-31')).toBe('2026-Q3');
  });
});
