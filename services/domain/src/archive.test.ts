import { vietnamInstant } from '@gov/calendar';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { archiveCutoff, archiveDueAt, ArchiveAfterMonths, mayDelete, retentionCutoff, retentionEndsAt, RetentionYears } from './archive.js';

const closed = vietnamInstant('2020-06-30T16:00');

describe('archive period', () => {
  it('falls due the given number of months after closing, Vietnam time', () => {
    expect(archiveDueAt(closed, 12)).toEqual(vietnamInstant('2021-06-30T16:00'));
  });

  it('cuts off at the same instant the due date falls on', () => {
    const asOf = vietnamInstant('2021-06-30T16:00');
    expect(archiveCutoff(asOf, 12)).toEqual(closed);
  });

  it('takes whole months from 1 to 120 only', () => {
    expect(v.is(ArchiveAfterMonths, 12)).toBe(true);
    for (const bad of [0, 121, 1.5, '12']) expect(v.is(ArchiveAfterMonths, bad)).toBe(false);
  });
});

describe('retention', () => {
  it('counts whole years from the year the dossier closed', () => {
    expect(retentionEndsAt(closed, 5)).toEqual(vietnamInstant('2026-01-01'));
    // Closed at 23:30 on 31 December in Vietnam: still that year.
    expect(retentionEndsAt(vietnamInstant('2020-12-31T23:30'), 10)).toEqual(vietnamInstant('2031-01-01'));
  });

  it('never ends for a permanent dossier', () => {
    expect(retentionEndsAt(closed, null)).toBeNull();
    expect(mayDelete({ closedAt: closed, archivedAt: closed, retentionYears: null }, vietnamInstant('2999-01-01'))).toBe(false);
  });

  it('lets a dossier go only once closed, archived and past its retention', () => {
    const archived = vietnamInstant('2021-07-01');
    expect(mayDelete({ closedAt: closed, archivedAt: archived, retentionYears: 5 }, vietnamInstant('2025-12-31T23:59'))).toBe(false);
    expect(mayDelete({ closedAt: closed, archivedAt: archived, retentionYears: 5 }, vietnamInstant('2026-01-01'))).toBe(true);
    expect(mayDelete({ closedAt: closed, archivedAt: null, retentionYears: 5 }, vietnamInstant('2030-01-01'))).toBe(false);
    expect(mayDelete({ closedAt: null, archivedAt: null, retentionYears: 5 }, vietnamInstant('2030-01-01'))).toBe(false);
  });

  it('has a cutoff that agrees with the end of retention', () => {
    const asOf = vietnamInstant('2026-01-01');
    expect(closed < retentionCutoff(asOf, 5)).toBe(true);
    expect(vietnamInstant('2021-01-01') < retentionCutoff(asOf, 5)).toBe(false);
  });

  it('offers the periods the rules on record retention use', () => {
    expect(RetentionYears.options).toEqual([5, 10, 20, 70]);
  });
});
