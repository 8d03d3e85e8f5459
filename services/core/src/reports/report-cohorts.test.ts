import { randomUUID } from 'node:crypto';
import { VIETNAM_UTC_OFFSET } from '@gov/calendar';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { DossierCounts } from './dossier-counts.js';
import { ministryReader, seedReportProvince, type ReportDossier } from './report-fixtures.js';
import { reportProvinces } from './report-provinces.js';
import { reportProvinceUnits } from './report-province-units.js';

const { ctx, end } = ministryReader(inject('databaseUrl'));
afterAll(end);

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const APRIL = { from: '2026-04-01', to: '2026-04-30' };
const vn = (local: string) => `${local}${VIETNAM_UTC_OFFSET}`;

// March 2026 in Vietnam time, each dossier named by what the March report must make of it.
const DOSSIERS: Record<string, ReportDossier> = {
  // Received before March.
  carriedOpenOverdue: { channel: 'online', status: 4, receivedAt: vn('2026-02-20T09:00'), dueAt: vn('2026-03-10T17:00') },
  carriedResolvedEarly: {
    channel: 'online',
    status: 10,
    receivedAt: vn('2026-02-25T09:00'),
    dueAt: vn('2026-03-06T17:00'),
    finishedAt: vn('2026-03-05T10:00'),
  },
  carriedResolvedOnTimeAtStart: {
    channel: 'in_person',
    status: 9,
    receivedAt: vn('2026-02-20T09:00'),
    dueAt: vn('2026-03-01T17:00'),
    finishedAt: vn('2026-03-01T00:00'),
  },
  carriedWithdrawnInPeriod: {
    channel: 'online',
    status: 7,
    receivedAt: vn('2026-02-27T09:00'),
    dueAt: vn('2026-03-20T17:00'),
    endedAt: vn('2026-03-03T08:00'),
  },
  carriedFromLastSecond: { channel: 'in_person', status: 4, receivedAt: vn('2026-02-28T23:59:59'), dueAt: vn('2026-04-30T17:00') },
  finishedBeforeStart: { channel: 'online', status: 10, receivedAt: vn('2026-02-10T09:00'), dueAt: vn('2026-02-20T17:00'), finishedAt: vn('2026-02-28T16:00') },
  refusedBeforeStart: { channel: 'online', status: 3, receivedAt: vn('2026-02-15T09:00'), endedAt: vn('2026-02-16T09:00') },
  stoppedWithoutHistory: { channel: 'in_person', status: 8, receivedAt: vn('2026-02-26T09:00'), dueAt: vn('2026-03-20T17:00') },
  // Received in March.
  onTimeSameDay: { channel: 'online', status: 10, receivedAt: vn('2026-03-02T09:00'), dueAt: vn('2026-03-10T17:00'), finishedAt: vn('2026-03-10T16:00') },
  lateNextDay: { channel: 'in_person', status: 10, receivedAt: vn('2026-03-03T09:00'), dueAt: vn('2026-03-10T17:00'), finishedAt: vn('2026-03-11T09:00') },
  // Overdue, then an apology moved the date; finished before the new date: still late.
  lateAfterApology: {
    channel: 'postal',
    status: 10,
    receivedAt: vn('2026-03-04T09:00'),
    dueAt: vn('2026-03-25T17:00'),
    overdueAt: vn('2026-03-12T17:00'),
    finishedAt: vn('2026-03-20T10:00'),
  },
  earlyOnLastEvening: { channel: 'online', status: 9, receivedAt: vn('2026-03-05T09:00'), dueAt: vn('2026-04-01T17:00'), finishedAt: vn('2026-03-31T23:30') },
  onTimeWithoutDueDate: { channel: 'online', status: 9, receivedAt: vn('2026-03-15T09:00'), finishedAt: vn('2026-03-16T09:00') },
  finishedAfterEndOverdue: {
    channel: 'proxy',
    status: 10,
    receivedAt: vn('2026-03-06T09:00'),
    dueAt: vn('2026-03-31T17:00'),
    finishedAt: vn('2026-04-01T00:00'),
  },
  openDueAtEnd: { channel: 'online', status: 4, receivedAt: vn('2026-03-07T09:00'), dueAt: vn('2026-04-01T00:00') },
  openOverdueOnlyAfterEnd: {
    channel: 'in_person',
    status: 5,
    receivedAt: vn('2026-03-08T09:00'),
    dueAt: vn('2026-04-02T17:00'),
    overdueAt: vn('2026-04-03T08:00'),
  },
  refusedInPeriod: { channel: 'online', status: 3, receivedAt: vn('2026-03-09T09:00'), endedAt: vn('2026-03-09T15:00') },
  withdrawnAfterEnd: { channel: 'in_person', status: 7, receivedAt: vn('2026-03-28T09:00'), endedAt: vn('2026-04-02T09:00') },
  registeredLastEvening: { channel: 'online', status: 1, receivedAt: vn('2026-03-31T23:30') },
  // Received in April: not in March at all.
  receivedAfterEnd: { channel: 'online', status: 2, receivedAt: vn('2026-04-01T00:00') },
};

const MARCH_COUNTS: DossierCounts = {
  toHandle: 16,
  carriedOver: 5,
  received: 11,
  receivedOnline: 6,
  receivedInPersonOrPost: 5,
  resolved: 7,
  resolvedEarly: 2,
  resolvedOnTime: 3,
  resolvedLate: 2,
  inProgressAtEnd: 7,
  inProgressInTime: 5,
  inProgressOverdue: 2,
  endedWithoutResult: 2,
  endedOverdue: 0,
  forOtherProvince: 0,
};

/** The report's own arithmetic, checked on every line it returns. */
function expectCohortsAddUp(c: DossierCounts) {
  expect(c.carriedOver + c.received, 'carried over + received').toBe(c.toHandle);
  expect(c.resolved + c.inProgressAtEnd + c.endedWithoutResult, 'resolved + in progress + ended without result').toBe(c.toHandle);
  expect(c.receivedOnline + c.receivedInPersonOrPost).toBe(c.received);
  expect(c.resolvedEarly + c.resolvedOnTime + c.resolvedLate).toBe(c.resolved);
  expect(c.inProgressInTime + c.inProgressOverdue).toBe(c.inProgressAtEnd);
}

let province: Awaited<ReturnType<typeof seedReportProvince>>;
beforeAll(async () => {
  const name = `Tỉnh Kỳ báo cáo ${randomUUID().slice(0, 6)}`;
  province = await seedReportProvince({ sql: ctx.sql, ownerUrl: inject('ownerDatabaseUrl'), name, dossiers: Object.values(DOSSIERS) });
});

describe('the report follows the statutory cohorts', () => {
  it('counts carried over, received, resolved early / on time / late, in progress and ended in March', async () => {
    const report = await reportProvinceUnits({ ctx, tenantId: province.tenantId, input: MARCH });
    expect(report.items).toEqual([expect.objectContaining({ orgUnitId: province.unitId, ...MARCH_COUNTS })]);
    expect(report.totals).toEqual(MARCH_COUNTS);
    expectCohortsAddUp(report.totals);
  });

  it('gives the province the same line in the national report, and every line adds up', async () => {
    const report = await reportProvinces({ ctx, input: MARCH });
    expect(report.items.find((row) => row.tenantId === province.tenantId)).toMatchObject(MARCH_COUNTS);
    for (const row of report.items) expectCohortsAddUp(row);
    expectCohortsAddUp(report.totals);
  });

  it('carries into April exactly what was still in progress at the end of March', async () => {
    const april = (await reportProvinceUnits({ ctx, tenantId: province.tenantId, input: APRIL })).totals;
    expect(april).toMatchObject({ carriedOver: MARCH_COUNTS.inProgressAtEnd, received: 1, resolved: 1, endedWithoutResult: 1 });
    expectCohortsAddUp(april);
  });

  it('lists no unit whose dossiers all ended before the period', async () => {
    const ended = await seedReportProvince({
      sql: ctx.sql,
      ownerUrl: inject('ownerDatabaseUrl'),
      name: `Tỉnh Kỳ trước ${randomUUID().slice(0, 6)}`,
      dossiers: [DOSSIERS.refusedBeforeStart!, DOSSIERS.finishedBeforeStart!],
    });
    const report = await reportProvinceUnits({ ctx, tenantId: ended.tenantId, input: MARCH });
    expect(report.items).toEqual([]);
    expect(report.totals.toHandle).toBe(0);
  });
});
