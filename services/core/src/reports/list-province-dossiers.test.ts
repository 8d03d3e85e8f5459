import { randomUUID } from 'node:crypto';
import { VIETNAM_UTC_OFFSET } from '@gov/calendar';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { listProvinceDossiers } from './list-province-dossiers.js';
import { ministryReader, seedReportProvince, type ReportDossier } from './report-fixtures.js';
import { reportProvinceUnits } from './report-province-units.js';

const { ctx, end } = ministryReader(inject('databaseUrl'));
afterAll(end);

const vn = (local: string) => `${local}${VIETNAM_UTC_OFFSET}`;
/** Far enough ahead that the test never sees it pass. */
const FAR = vn('2099-12-31T17:00');

// Received and, if at all, closed in March 2026; the open ones were due long before now or are due
// far ahead, so "now" (the list) and the end of March (the report) judge them alike. Each is named
// by what the list must flag it.
const DOSSIERS: Record<string, ReportDossier & { overdue: boolean }> = {
  openPastDue: { channel: 'online', status: 4, receivedAt: vn('2026-03-02T09:00'), dueAt: vn('2026-03-10T17:00'), overdue: true },
  openInTime: { channel: 'online', status: 4, receivedAt: vn('2026-03-02T09:00'), dueAt: FAR, overdue: false },
  // An apology moved the date far ahead, but an overdue dossier stays overdue.
  openAfterApology: { channel: 'in_person', status: 5, receivedAt: vn('2026-03-02T09:00'), dueAt: FAR, overdueAt: vn('2026-03-09T17:00'), overdue: true },
  // Finished after the due hour but on the due date: on time by the civil-day rule.
  resolvedOnDueDay: {
    channel: 'online',
    status: 10,
    receivedAt: vn('2026-03-03T09:00'),
    dueAt: vn('2026-03-10T08:00'),
    finishedAt: vn('2026-03-10T16:00'),
    overdue: false,
  },
  // The next day, never marked overdue (no timer fired): still late.
  resolvedNextDay: {
    channel: 'online',
    status: 9,
    receivedAt: vn('2026-03-03T09:00'),
    dueAt: vn('2026-03-10T17:00'),
    finishedAt: vn('2026-03-11T08:00'),
    overdue: true,
  },
  resolvedAfterOverdue: {
    channel: 'postal',
    status: 10,
    receivedAt: vn('2026-03-03T09:00'),
    dueAt: vn('2026-03-25T17:00'),
    overdueAt: vn('2026-03-12T17:00'),
    finishedAt: vn('2026-03-20T10:00'),
    overdue: true,
  },
  // Stopped or withdrawn once past their date: an overdue dossier stays overdue (endedOverdue).
  stoppedPastDue: {
    channel: 'in_person',
    status: 8,
    receivedAt: vn('2026-03-04T09:00'),
    dueAt: vn('2026-03-12T17:00'),
    endedAt: vn('2026-03-20T09:00'),
    overdue: true,
  },
  withdrawnAfterOverdue: {
    channel: 'online',
    status: 7,
    receivedAt: vn('2026-03-04T09:00'),
    dueAt: vn('2026-03-12T17:00'),
    overdueAt: vn('2026-03-12T17:00'),
    endedAt: vn('2026-03-21T09:00'),
    overdue: true,
  },
  // Withdrawn before its date: never late.
  withdrawnInTime: {
    channel: 'online',
    status: 7,
    receivedAt: vn('2026-03-04T09:00'),
    dueAt: vn('2026-03-12T17:00'),
    endedAt: vn('2026-03-06T09:00'),
    overdue: false,
  },
  refusedAtIntake: { channel: 'online', status: 3, receivedAt: vn('2026-03-05T09:00'), endedAt: vn('2026-03-05T15:00'), overdue: false },
};

let province: Awaited<ReturnType<typeof seedReportProvince>>;
beforeAll(async () => {
  const name = `Tỉnh Danh sách ${randomUUID().slice(0, 6)}`;
  province = await seedReportProvince({ sql: ctx.sql, ownerUrl: inject('ownerDatabaseUrl'), name, dossiers: Object.values(DOSSIERS) });
});

describe("the ministry's dossier list flags overdue as the reports count it", () => {
  it('flags late results, open dossiers past their date (by the civil-day rule) and dossiers ended without a result once overdue', async () => {
    const page = await listProvinceDossiers({ ctx, tenantId: province.tenantId, input: { pageSize: 100 } });
    const names = Object.keys(DOSSIERS);
    // seedReportProvince codes the i-th dossier `…-<i>`.
    const flags = Object.fromEntries(page.items.map((item) => [names[Number(item.code.split('-').at(-1))]!, item.overdue]));
    expect(flags).toEqual(Object.fromEntries(Object.entries(DOSSIERS).map(([key, d]) => [key, d.overdue])));
  });

  it('flags exactly as many as March’s report counts late or overdue', async () => {
    const { totals } = await reportProvinceUnits({ ctx, tenantId: province.tenantId, input: { from: '2026-03-01', to: '2026-03-31' } });
    const { items } = await listProvinceDossiers({ ctx, tenantId: province.tenantId, input: { pageSize: 100 } });
    expect(totals).toMatchObject({ resolvedLate: 2, inProgressOverdue: 2, endedWithoutResult: 4, endedOverdue: 2 });
    expect(items.filter((item) => item.overdue)).toHaveLength(totals.resolvedLate + totals.inProgressOverdue + totals.endedOverdue);
  });
});
