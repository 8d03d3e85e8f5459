import { randomUUID } from 'node:crypto';
import { MS_PER_DAY, VIETNAM_UTC_OFFSET, vietnamDate } from '@gov/calendar';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { ministryReader, seedReportProvince, type ReportDossier } from './report-fixtures.js';
import { reportProvinceProcedures } from './report-province-procedures.js';
import { reportProvinceUnits } from './report-province-units.js';
import { reportProvinces } from './report-provinces.js';

// The reporting rules of docs/domain/report-rules.md, each on a small known data set.
const { ctx, end } = ministryReader(inject('databaseUrl'));
afterAll(end);

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const APRIL = { from: '2026-04-01', to: '2026-04-30' };
const vn = (local: string) => `${local}${VIETNAM_UTC_OFFSET}`;
const seed = (label: string, dossiers: ReportDossier[]) =>
  seedReportProvince({ sql: ctx.sql, ownerUrl: inject('ownerDatabaseUrl'), name: `Tỉnh ${label} ${randomUUID().slice(0, 6)}`, dossiers });

describe('an overdue dossier stays overdue when it is withdrawn or stopped', () => {
  it('counts it as ended while overdue in the period it ended, and as overdue in progress in the periods before', async () => {
    const province = await seed('Rút khi quá hạn', [
      // Overdue on 10 March, withdrawn on 2 April.
      {
        channel: 'online',
        status: 7,
        receivedAt: vn('2026-03-02T09:00'),
        dueAt: vn('2026-03-10T17:00'),
        overdueAt: vn('2026-03-10T17:00'),
        endedAt: vn('2026-04-02T09:00'),
      },
      // Past its date, never marked (no timer fired), stopped on 3 April.
      { channel: 'in_person', status: 8, receivedAt: vn('2026-03-02T09:00'), dueAt: vn('2026-03-20T17:00'), endedAt: vn('2026-04-03T09:00') },
      // Withdrawn in time.
      { channel: 'online', status: 7, receivedAt: vn('2026-03-02T09:00'), dueAt: vn('2026-04-20T17:00'), endedAt: vn('2026-04-04T09:00') },
    ]);
    const march = (await reportProvinceUnits({ ctx, tenantId: province.tenantId, input: MARCH })).totals;
    expect(march).toMatchObject({ inProgressAtEnd: 3, inProgressOverdue: 2, endedWithoutResult: 0, endedOverdue: 0 });
    const april = (await reportProvinceUnits({ ctx, tenantId: province.tenantId, input: APRIL })).totals;
    expect(april).toMatchObject({ carriedOver: 3, endedWithoutResult: 3, endedOverdue: 2, inProgressAtEnd: 0 });
  });
});

describe("a closed period's figures use the due date as it stood at the period's end", () => {
  const dossiers: ReportDossier[] = [
    // Due 10 March; on 5 April a supplement moved it to 20 April: still overdue at the end of March.
    {
      channel: 'online',
      status: 4,
      receivedAt: vn('2026-03-02T09:00'),
      dueAt: vn('2026-04-20T17:00'),
      dueHistory: [
        [vn('2026-03-10T17:00'), vn('2026-03-02T09:00')],
        [vn('2026-04-20T17:00'), vn('2026-04-05T09:00')],
      ],
    },
    // Due 12 March; extended on 8 March to 25 March, finished on 20 March: early, not late.
    {
      channel: 'online',
      status: 10,
      receivedAt: vn('2026-03-02T09:00'),
      dueAt: vn('2026-03-25T17:00'),
      finishedAt: vn('2026-03-20T09:00'),
      dueHistory: [
        [vn('2026-03-12T17:00'), vn('2026-03-02T09:00')],
        [vn('2026-03-25T17:00'), vn('2026-03-08T09:00')],
      ],
    },
    // Received on 31 March, its due date set only at intake on 1 April: no due date at March's end.
    {
      channel: 'online',
      status: 4,
      receivedAt: vn('2026-03-31T16:00'),
      dueAt: vn('2026-03-31T17:00'),
      dueHistory: [[vn('2026-03-31T17:00'), vn('2026-04-01T08:00')]],
    },
  ];

  it("keeps March's overdue count when a later supplement moves a due date, and judges April by the new one", async () => {
    const province = await seed('Hạn theo kỳ', dossiers);
    const march = (await reportProvinceUnits({ ctx, tenantId: province.tenantId, input: MARCH })).totals;
    expect(march).toMatchObject({ inProgressAtEnd: 2, inProgressOverdue: 1, inProgressInTime: 1, resolved: 1, resolvedEarly: 1, resolvedLate: 0 });
    const april = (await reportProvinceUnits({ ctx, tenantId: province.tenantId, input: APRIL })).totals;
    // The first dossier, due 20 April now, is overdue at April's end; so is the third.
    expect(april).toMatchObject({ carriedOver: 2, inProgressAtEnd: 2, inProgressOverdue: 2 });
  });
});

describe('a dossier handed over between provinces is counted once nationally', () => {
  it('counts it in both provinces’ figures, marked in the second, and once in the national total', async () => {
    const id = randomUUID();
    const base: ReportDossier = { id, channel: 'online', status: 4, receivedAt: vn('2026-03-03T09:00'), dueAt: vn('2099-03-20T17:00') };
    const source = await seed('Liên thông gửi', [base]);
    const target = await seed('Liên thông nhận', [{ ...base, receivedAt: vn('2026-03-05T09:00'), handedOverFrom: source.tenantId }]);
    const own = (await reportProvinceUnits({ ctx, tenantId: source.tenantId, input: MARCH })).totals;
    expect(own).toMatchObject({ toHandle: 1, forOtherProvince: 0 });
    const theirs = await reportProvinceUnits({ ctx, tenantId: target.tenantId, input: MARCH });
    expect(theirs.totals).toMatchObject({ toHandle: 1, forOtherProvince: 1 });
    const byProcedure = await reportProvinceProcedures({ ctx, tenantId: target.tenantId, input: MARCH });
    expect(byProcedure.totals).toEqual(theirs.totals);

    const national = await reportProvinces({ ctx, input: MARCH });
    const line = (tenantId: string) => national.items.find((item) => item.tenantId === tenantId);
    expect(line(source.tenantId)).toMatchObject({ toHandle: 1, forOtherProvince: 0 });
    expect(line(target.tenantId)).toMatchObject({ toHandle: 1, forOtherProvince: 1 });
    // Whatever other suites wrote: the national total is the lines less the copies.
    const sum = (key: 'toHandle' | 'forOtherProvince' | 'inProgressAtEnd') => national.items.reduce((n, item) => n + item[key], 0);
    expect(national.totals.forOtherProvince).toBe(0);
    expect(national.totals.toHandle).toBe(sum('toHandle') - sum('forOtherProvince'));
    expect(sum('forOtherProvince')).toBeGreaterThanOrEqual(1);
  });
});

describe('a running period reads its last month whole, less the days after today', () => {
  it('counts what happened up to today and nothing dated after it, in the province and national figures', async () => {
    // Received today, and one dated tomorrow (this month's row holds it, unless today is its last
    // day): the month-so-far and year-so-far presets take tomorrow's day rows away from the month.
    const now = Date.now();
    const [today, tomorrow] = [vietnamDate(new Date(now)), vietnamDate(new Date(now + MS_PER_DAY))];
    const province = await seed('Kỳ đang chạy', [
      { channel: 'online', status: 4, receivedAt: vn(`${today}T00:00`), dueAt: vn('2099-01-01T17:00') },
      { channel: 'in_person', status: 4, receivedAt: vn(`${tomorrow}T09:00`), dueAt: vn('2099-01-01T17:00') },
    ]);
    for (const input of [{}, { from: `${today.slice(0, 4)}-01-01`, to: today }]) {
      const expected = { toHandle: 1, received: 1, receivedOnline: 1, receivedInPersonOrPost: 0, inProgressAtEnd: 1 };
      expect((await reportProvinceUnits({ ctx, tenantId: province.tenantId, input })).totals).toMatchObject(expected);
      expect((await reportProvinceProcedures({ ctx, tenantId: province.tenantId, input })).totals).toMatchObject(expected);
      const national = await reportProvinces({ ctx, input });
      expect(national.items.find((item) => item.tenantId === province.tenantId)).toMatchObject(expected);
    }
  });
});
