import { randomUUID } from 'node:crypto';
import { vietnamInstant } from '@gov/calendar';
import { schema, withTenant } from '@gov/db';
import { createTenant, testConsultation } from '@gov/db/testing';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { ServiceContext } from '../context.js';
import { ensureRootUnit } from '../tenants/ensure-root-unit.js';
import { monitorContext } from '../work-lists/work-list-fixtures.js';
import { ministryReader } from './report-fixtures.js';
import { OTHER_PROVINCE_UNIT, reportProvinceConsultations } from './report-province-consultations.js';

// Xin ý kiến các đơn vị in the province reports (docs/domain/consultations.md, "In the reports"):
// a request counts in the period it was opened, judged as it stood at the period's end, under the
// unit asked, in the scope of the unit that asked; only the requests the province itself asked.
const { ctx: ministry, end } = ministryReader(inject('databaseUrl'));
afterAll(end);
const vn = vietnamInstant;
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

interface Province {
  tenantId: string;
  wardId: string;
  departmentId: string;
}

async function province(name: string): Promise<Province> {
  const tenantId = await createTenant(inject('ownerDatabaseUrl'), name);
  return withTenant(ministry.sql, tenantId, async (tx) => {
    const root = await ensureRootUnit(tx, tenantId);
    const unit = async (code: string, name: string, kind: 'commune_one_stop' | 'department') => {
      const id = randomUUID();
      await tx.insert(schema.orgUnits).values({ tenantId, id, parentId: root.id, path: [...root.path, id], code: `${code}-${id.slice(0, 4)}`, name, kind });
      return id;
    };
    return { tenantId, wardId: await unit('PHUONG', 'Phường Một', 'commune_one_stop'), departmentId: await unit('SO', 'Sở Tài nguyên', 'department') };
  });
}

interface Request {
  asking: [Province, string];
  consulted: [Province, string];
  requestedAt: string;
  dueAt: string;
  answeredAt?: string;
  /** The copy kept by `copy` (the asking province's by default). */
  copy?: Province;
}

async function requests(rows: Request[]) {
  for (const r of rows) {
    const copy = r.copy ?? r.asking[0];
    await withTenant(ministry.sql, copy.tenantId, (tx) =>
      tx.insert(schema.dossierConsultations).values(
        testConsultation({
          tenantId: copy.tenantId,
          askingTenantId: r.asking[0].tenantId,
          askingUnitId: r.asking[1],
          consultedTenantId: r.consulted[0].tenantId,
          consultedUnitId: r.consulted[1],
          requestedAt: vn(r.requestedAt),
          dueAt: vn(r.dueAt),
          ...(r.answeredAt ? { answeredAt: vn(r.answeredAt) } : {}),
        }),
      ),
    );
  }
}

let a: Province;
let b: Province;
let admin: ServiceContext;
let wardLeader: ServiceContext;
let otherAdmin: ServiceContext;

beforeAll(async () => {
  const tag = randomUUID().slice(0, 6);
  [a, b] = [await province(`Tỉnh Ý Kiến ${tag}`), await province(`Tỉnh Bạn ${tag}`)];
  const deps = { db: ministry.db, sql: ministry.sql };
  admin = await monitorContext(deps, { role: 'province_admin', tenantId: a.tenantId, orgUnitId: a.wardId, wholeTenant: true });
  wardLeader = await monitorContext(deps, { role: 'leader', tenantId: a.tenantId, orgUnitId: a.wardId, wholeTenant: false });
  otherAdmin = await monitorContext(deps, { role: 'province_admin', tenantId: b.tenantId, orgUnitId: b.wardId, wholeTenant: true });
  const wardAsks = (consulted: [Province, string], requestedAt: string, dueAt: string, answeredAt?: string): Request => ({
    asking: [a, a.wardId],
    consulted,
    requestedAt,
    dueAt,
    answeredAt,
  });
  const dept: [Province, string] = [a, a.departmentId];
  await requests([
    wardAsks(dept, '2026-03-02T09:00', '2026-03-04T17:00', '2026-03-03T10:00'), // on time
    wardAsks(dept, '2026-03-05T09:00', '2026-03-06T17:00', '2026-03-09T10:00'), // late
    wardAsks(dept, '2026-03-10T09:00', '2026-03-12T17:00'), // open, overdue
    wardAsks(dept, '2026-03-30T09:00', '2026-04-02T17:00'), // open, not yet due at the end of March
    wardAsks(dept, '2026-03-20T09:00', '2026-03-25T17:00', '2026-04-03T09:00'), // open and overdue at March's end, answered in April
    wardAsks(dept, '2026-02-25T09:00', '2026-02-27T17:00', '2026-03-02T09:00'), // opened in February: not March's
    // Asked by the department: outside the ward leader's subtree.
    { asking: [a, a.departmentId], consulted: [a, a.wardId], requestedAt: '2026-03-03T09:00', dueAt: '2026-03-05T17:00', answeredAt: '2026-03-04T09:00' },
    // To another province's unit, answered late: both provinces keep a copy; only the asking one counts it.
    wardAsks([b, b.wardId], '2026-03-11T09:00', '2026-03-13T17:00', '2026-03-16T09:00'),
    { ...wardAsks([b, b.wardId], '2026-03-11T09:00', '2026-03-13T17:00', '2026-03-16T09:00'), copy: b },
    // The other province's own requests, and its request to this province's ward with this province's copy.
    { asking: [b, b.wardId], consulted: [b, b.departmentId], requestedAt: '2026-03-04T09:00', dueAt: '2026-03-05T17:00' },
    { asking: [b, b.departmentId], consulted: [a, a.wardId], requestedAt: '2026-03-06T09:00', dueAt: '2026-03-09T17:00' },
    { asking: [b, b.departmentId], consulted: [a, a.wardId], requestedAt: '2026-03-06T09:00', dueAt: '2026-03-09T17:00', copy: a },
  ]);
});

const lines = (r: Awaited<ReturnType<typeof reportProvinceConsultations>>) =>
  Object.fromEntries(
    r.items.map(({ orgUnitId, name, otherProvince, opened, answeredOnTime, answeredLate, openOverdue }) => [
      orgUnitId,
      { name, otherProvince, opened, answeredOnTime, answeredLate, openOverdue },
    ]),
  );

describe('consultations, in the province reports', () => {
  it("counts the province's requests opened in the period by unit asked, as they stood at its end", async () => {
    const r = await reportProvinceConsultations({ ctx: admin, tenantId: a.tenantId, input: MARCH });
    expect(r.scope).toBe('province');
    expect(lines(r)).toEqual({
      [a.departmentId]: { name: 'Sở Tài nguyên', otherProvince: false, opened: 5, answeredOnTime: 1, answeredLate: 1, openOverdue: 2 },
      [a.wardId]: { name: 'Phường Một', otherProvince: false, opened: 1, answeredOnTime: 1, answeredLate: 0, openOverdue: 0 },
      [b.wardId]: { name: OTHER_PROVINCE_UNIT, otherProvince: true, opened: 1, answeredOnTime: 0, answeredLate: 1, openOverdue: 0 },
    });
    expect(r.items[0]!.orgUnitId).toBe(a.departmentId);
    expect(r.totals).toEqual({ opened: 7, answeredOnTime: 2, answeredLate: 2, openOverdue: 2 });
  });

  it('counts a request in the period it was opened only', async () => {
    const april = await reportProvinceConsultations({ ctx: admin, tenantId: a.tenantId, input: { from: '2026-04-01', to: '2026-04-30' } });
    expect(april.items).toEqual([]);
    const february = await reportProvinceConsultations({ ctx: admin, tenantId: a.tenantId, input: { from: '2026-02-01', to: '2026-02-28' } });
    // Answered on 2 March, after February's end: open and overdue as February closed.
    expect(february.totals).toEqual({ opened: 1, answeredOnTime: 0, answeredLate: 0, openOverdue: 1 });
  });

  it("gives a unit leader the requests their subtree asked, and the ministry another province's unit by name", async () => {
    const ward = await reportProvinceConsultations({ ctx: wardLeader, tenantId: a.tenantId, input: MARCH });
    expect(ward.scope).toBe('units');
    expect(Object.keys(lines(ward)).sort()).toEqual([a.departmentId, b.wardId].sort());
    expect(ward.totals).toEqual({ opened: 6, answeredOnTime: 1, answeredLate: 2, openOverdue: 2 });
    const national = await reportProvinceConsultations({ ctx: ministry, tenantId: a.tenantId, input: MARCH });
    expect(national.totals).toEqual({ opened: 7, answeredOnTime: 2, answeredLate: 2, openOverdue: 2 });
    expect(lines(national)[b.wardId]).toMatchObject({ name: 'Phường Một', otherProvince: true });
  });

  it("never counts another province's requests, nor its copies of this province's", async () => {
    const other = await reportProvinceConsultations({ ctx: otherAdmin, tenantId: b.tenantId, input: MARCH });
    expect(lines(other)).toEqual({
      [b.departmentId]: { name: 'Sở Tài nguyên', otherProvince: false, opened: 1, answeredOnTime: 0, answeredLate: 0, openOverdue: 1 },
      [a.wardId]: { name: OTHER_PROVINCE_UNIT, otherProvince: true, opened: 1, answeredOnTime: 0, answeredLate: 0, openOverdue: 1 },
    });
  });
});
