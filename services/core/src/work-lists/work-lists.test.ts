import { VIETNAM_UTC_OFFSET } from '@gov/calendar';
import { createDb, schema, withTenant } from '@gov/db';
import { DomainError } from '@gov/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { ServiceContext } from '../context.js';
import { listWorkList, type ListWorkList, type WorkListName } from './list-work-list.js';
import { monitorContext, seedMonitoredDossiers, seedMonitoredProvince, type MonitoredProvince } from './work-list-fixtures.js';
import { getWorkListSettings, setWorkListSettings } from './work-list-settings.js';

const deps = createDb(inject('databaseUrl'), { max: 3 });
afterAll(() => deps.sql.end({ timeout: 1 }));

const vn = (local: string) => `${local}${VIETNAM_UTC_OFFSET}`;
/**
 * Tuesday 28 April 2026, 10:00. Hùng Kings' day fell on Sunday 26 April, so Monday 27 was off:
 * one working day before now is Friday 24 April, 10:00. 30 April and 1 May are off too.
 */
const NOW = new Date(vn('2026-04-28T10:00'));

let province: MonitoredProvince;
let other: MonitoredProvince;
const id: Record<string, string> = {};
let admin: ServiceContext;
let wardLeader: ServiceContext;
let otherAdmin: ServiceContext;
let ministry: ServiceContext;

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [province, other] = await Promise.all([seedMonitoredProvince(deps.sql, ownerUrl), seedMonitoredProvince(deps.sql, ownerUrl)]);
  const { wardTeamId, wardId, departmentId, officerId } = province;
  const actedToday = { kind: 'forwarded', at: vn('2026-04-28T08:00'), actor: true };
  const dossiers = {
    // Due last Wednesday, still open: overdue 2.3 working days (Thu, Fri, 2.5 h today).
    overdueWard: {
      unitId: wardTeamId,
      status: 4,
      receivedAt: vn('2026-04-01T09:00'),
      dueAt: vn('2026-04-22T17:00'),
      assigneeUserId: officerId,
      events: [{ kind: 'overdue', at: vn('2026-04-22T17:00'), actor: false }, actedToday],
    },
    // Marked overdue on 10 April; an apology letter has moved its date since: still overdue.
    overdueAfterApology: {
      unitId: departmentId,
      status: 4,
      receivedAt: vn('2026-04-01T09:00'),
      dueAt: vn('2026-05-20T17:00'),
      overdueAt: vn('2026-04-10T17:00'),
      procedure: 1 as const,
      events: [actedToday],
    },
    // Flagged near-due yesterday by the workflow, due next Tuesday.
    nearDue: {
      unitId: departmentId,
      status: 4,
      receivedAt: vn('2026-04-20T09:00'),
      dueAt: vn('2026-05-05T17:00'),
      events: [{ kind: 'near_due', at: vn('2026-04-27T09:00'), actor: false }, actedToday],
    },
    // Flagged near-due, then an apology letter set a new date, not yet near.
    nearDueBeforeApology: {
      unitId: departmentId,
      status: 4,
      receivedAt: vn('2026-04-01T09:00'),
      dueAt: vn('2026-06-30T17:00'),
      events: [{ kind: 'near_due', at: vn('2026-04-20T09:00'), actor: false }, { kind: 'apology_issued', at: vn('2026-04-21T09:00'), actor: true }, actedToday],
    },
    // Last officer action Friday 09:00, one working day and an hour ago; the deadline event of
    // Monday has no actor and does not count.
    stuckSinceFriday: {
      unitId: wardId,
      status: 4,
      receivedAt: vn('2026-04-20T09:00'),
      dueAt: vn('2026-06-30T17:00'),
      assigneeUserId: officerId,
      events: [
        { kind: 'assigned', at: vn('2026-04-24T09:00'), actor: true },
        { kind: 'step_overdue', at: vn('2026-04-27T09:00'), actor: false },
      ],
    },
    // Friday 11:00: 7 working hours ago (a calendar without the holiday would say 31 hours).
    quietSinceFridayLate: {
      unitId: wardTeamId,
      status: 2,
      receivedAt: vn('2026-04-24T11:00'),
      dueAt: vn('2026-06-30T17:00'),
      events: [{ kind: 'accepted', at: vn('2026-04-24T11:00'), actor: true }],
    },
    // Received a week ago, nobody has acted since: counted from its receipt.
    untouched: { unitId: wardTeamId, status: 1, receivedAt: vn('2026-04-20T09:00'), dueAt: vn('2026-06-30T17:00') },
    // Waiting for the applicant's supplement for weeks: not the officers' to move.
    waitingSupplement: {
      unitId: wardTeamId,
      status: 5,
      receivedAt: vn('2026-04-01T09:00'),
      dueAt: vn('2026-06-30T17:00'),
      events: [{ kind: 'supplement_requested', at: vn('2026-04-02T09:00'), actor: true }],
    },
    // Finished long ago, past its date: closed, on no list.
    finished: { unitId: wardTeamId, status: 10, receivedAt: vn('2026-03-01T09:00'), dueAt: vn('2026-03-10T17:00'), closedAt: vn('2026-03-20T09:00') },
  };
  const ids = await seedMonitoredDossiers(deps.sql, province, Object.values(dossiers));
  Object.keys(dossiers).forEach((name, i) => (id[name] = ids[i]!));
  // The other province has an overdue and a stuck dossier of its own.
  await seedMonitoredDossiers(deps.sql, other, [{ unitId: other.wardTeamId, status: 4, receivedAt: vn('2026-04-01T09:00'), dueAt: vn('2026-04-10T17:00') }]);
  admin = await monitorContext(deps, { role: 'province_admin', tenantId: province.tenantId, orgUnitId: province.rootId, wholeTenant: true });
  wardLeader = await monitorContext(deps, { role: 'leader', tenantId: province.tenantId, orgUnitId: province.wardId, wholeTenant: false });
  otherAdmin = await monitorContext(deps, { role: 'province_admin', tenantId: other.tenantId, orgUnitId: other.rootId, wholeTenant: true });
  ministry = await monitorContext(deps, { platformRole: 'ministry_oversight' });
});

const names = (ids: string[]) => ids.map((x) => Object.keys(id).find((name) => id[name] === x));
async function list(ctx: ServiceContext, name: WorkListName, input: ListWorkList = {}) {
  return listWorkList({ ctx, tenantId: province.tenantId, list: name, input, now: NOW });
}
async function listed(ctx: ServiceContext, name: WorkListName, input: ListWorkList = {}) {
  return names((await list(ctx, name, input)).items.map((item) => item.dossierId));
}
async function setThreshold(days: number) {
  await setWorkListSettings({ ctx: admin, tenantId: province.tenantId, ifMatch: '*', input: { stuckAfterWorkingDays: days } });
}

describe('the overdue list', () => {
  it('lists the open dossiers past their date or marked overdue, longest overdue first, with working days overdue', async () => {
    const page = await list(admin, 'overdue');
    expect(names(page.items.map((i) => i.dossierId))).toEqual(['overdueAfterApology', 'overdueWard']);
    const ward = page.items[1]!;
    expect(ward.code).toMatch(/^GS-/);
    expect(ward).toMatchObject({
      procedureName: 'Đăng ký khai sinh',
      currentUnitId: province.wardTeamId,
      currentUnitName: 'Tổ tiếp nhận',
      officerId: province.officerId,
      officerName: 'Lê Thị Xử Lý',
      workingDaysOverdue: 2.3,
      workingDaysLeft: null,
    });
    expect(ward.lastActionAt).toEqual(new Date(vn('2026-04-28T08:00')));
    expect(page.total).toBe(2);
  });
});

describe('the near-due list', () => {
  it('lists the dossiers the workflow flagged near-due, not those an apology letter gave a new date', async () => {
    const page = await list(admin, 'near_due');
    expect(names(page.items.map((i) => i.dossierId))).toEqual(['nearDue']);
    // Today from 10:00 (5.5 h), Wednesday, then 30 April and 1 May off, Monday and Tuesday: 29.5 h.
    expect(page.items[0]).toMatchObject({ workingDaysLeft: 3.6, workingDaysOverdue: null, officerId: null, officerName: null });
  });
});

describe('the stuck list', () => {
  it('counts working days on the province calendar: the weekend and the compensated holiday do not count', async () => {
    await setThreshold(1);
    const page = await list(admin, 'stuck');
    expect(page.noActionSince).toEqual(new Date(vn('2026-04-24T10:00')));
    expect(page.stuckAfterWorkingDays).toBe(1);
    expect(names(page.items.map((i) => i.dossierId))).toEqual(['untouched', 'stuckSinceFriday']);
    expect(page.items[1]).toMatchObject({ workingDaysSinceAction: 1.1, lastActionAt: new Date(vn('2026-04-24T09:00')) });
    expect(page.items[0]!.lastActionAt).toEqual(new Date(vn('2026-04-20T09:00')));
  });

  it('follows the province setting', async () => {
    await setThreshold(3);
    // Three working days back from Tuesday 10:00: Wednesday 22 April, 10:00.
    const page = await list(admin, 'stuck');
    expect(page.noActionSince).toEqual(new Date(vn('2026-04-22T10:00')));
    expect(names(page.items.map((i) => i.dossierId))).toEqual(['untouched']);
  });

  it('counts a province day off as no working time', async () => {
    await setThreshold(1);
    await withTenant(deps.sql, province.tenantId, (tx) =>
      tx
        .insert(schema.tenantCalendars)
        .values({ tenantId: province.tenantId, workingHours: {}, overrides: [{ date: '2026-04-24', status: 'off', name: 'Nghỉ bù địa phương' }] }),
    );
    try {
      // Friday off as well: one working day back from Tuesday 10:00 is Thursday 10:00.
      const page = await list(admin, 'stuck');
      expect(page.noActionSince).toEqual(new Date(vn('2026-04-23T10:00')));
      expect(names(page.items.map((i) => i.dossierId))).toEqual(['untouched']);
    } finally {
      // The app role may not delete a calendar: saving no override restores the national one.
      await withTenant(deps.sql, province.tenantId, (tx) =>
        tx.update(schema.tenantCalendars).set({ overrides: [] }).where(eq(schema.tenantCalendars.tenantId, province.tenantId)),
      );
    }
  });
});

describe('scope and filters', () => {
  it('shows a unit leader only the dossiers now in their unit’s subtree', async () => {
    await setThreshold(1);
    expect(await listed(wardLeader, 'overdue')).toEqual(['overdueWard']);
    expect(await listed(wardLeader, 'near_due')).toEqual([]);
    expect(await listed(wardLeader, 'stuck')).toEqual(['untouched', 'stuckSinceFriday']);
    expect(await listed(wardLeader, 'stuck', { unitId: province.wardTeamId })).toEqual(['untouched']);
  });

  it('shows a province leader (appointed at the root unit) the whole province', async () => {
    const provinceLeader = await monitorContext(deps, { role: 'leader', tenantId: province.tenantId, orgUnitId: province.rootId, wholeTenant: true });
    expect(await listed(provinceLeader, 'overdue')).toEqual(['overdueAfterApology', 'overdueWard']);
    expect(await listed(provinceLeader, 'overdue', { unitId: province.departmentId })).toEqual(['overdueAfterApology']);
  });

  it('refuses a unit leader a unit outside their subtree, in Vietnamese', async () => {
    const refusal = await list(wardLeader, 'overdue', { unitId: province.departmentId }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('forbidden');
    expect((refusal as DomainError).userMessage.vi).toContain('đơn vị mình phụ trách');
  });

  it('refuses a unit of another province as a filter, without showing its rows', async () => {
    const refusal = await list(admin, 'overdue', { unitId: other.wardTeamId }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'invalid' });
  });

  it('refuses a province admin another province, and lets the ministry read', async () => {
    await expect(listWorkList({ ctx: otherAdmin, tenantId: province.tenantId, list: 'overdue', input: {}, now: NOW })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await listed(ministry, 'overdue')).toEqual(['overdueAfterApology', 'overdueWard']);
    const own = await listWorkList({ ctx: otherAdmin, tenantId: other.tenantId, list: 'overdue', input: {}, now: NOW });
    expect({ total: own.total, ours: own.items.filter((i) => Object.values(id).includes(i.dossierId)) }).toEqual({ total: 1, ours: [] });
  });

  it('filters by unit subtree, procedure and assigned officer, and pages', async () => {
    expect(await listed(admin, 'overdue', { unitId: province.wardId })).toEqual(['overdueWard']);
    expect(await listed(admin, 'overdue', { procedureCode: province.procedureCodes[1] })).toEqual(['overdueAfterApology']);
    expect(await listed(admin, 'stuck', { officerId: province.officerId })).toEqual(['stuckSinceFriday']);
    const second = await list(admin, 'overdue', { page: 2, pageSize: 1 });
    expect({ names: names(second.items.map((i) => i.dossierId)), total: second.total }).toEqual({ names: ['overdueWard'], total: 2 });
    const past = await list(admin, 'overdue', { page: 3, pageSize: 1 });
    expect({ items: past.items, total: past.total }).toEqual({ items: [], total: 2 });
  });
});

describe('the stuck setting', () => {
  it('is read by the province’s report readers and written by its admin only, within 1–60', async () => {
    expect((await getWorkListSettings({ ctx: wardLeader, tenantId: province.tenantId })).stuckAfterWorkingDays).toBe(1);
    await expect(
      setWorkListSettings({ ctx: wardLeader, tenantId: province.tenantId, ifMatch: '*', input: { stuckAfterWorkingDays: 5 } }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    for (const bad of [0, 61, 2.5]) {
      const refusal = (await setWorkListSettings({ ctx: admin, tenantId: province.tenantId, ifMatch: '*', input: { stuckAfterWorkingDays: bad } }).catch(
        (error: unknown) => error,
      )) as DomainError;
      expect({ code: refusal.code, vi: refusal.userMessage.vi.includes('từ 1 đến 60') }).toEqual({ code: 'invalid', vi: true });
    }
  });
});
