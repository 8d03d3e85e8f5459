import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// The province monitoring lists over HTTP: who sees which province and which units, and the
// stuck threshold's validation and concurrency. How the lists are judged (working days, the
// calendar, near-due and overdue rules) is in services/core/src/work-lists/work-lists.test.ts.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let own: TenantWorld;
let other: TenantWorld;
let admin: Session;
let wardLeader: Session;
let clerk: Session;
let otherAdmin: Session;
let ministry: Session;
const dossier: Record<'ward' | 'department' | 'otherProvince', string> = { ward: '', department: '', otherProvince: '' };

/** An open dossier long past its date at `unitId`: on the overdue list of whoever may see the unit. */
async function overdueDossier(world: TenantWorld, unitId: string): Promise<string> {
  return withTenant(deps.sql, world.tenantId, async (tx) => {
    const [procedure] = await tx
      .insert(schema.procedures)
      .values({
        code: `9.${randomUUID().slice(0, 6)}`,
        version: 1,
        name: 'Đăng ký kết hôn',
        sector: 'Hộ tịch',
        level: 'commune',
        channels: ['in_person'],
        processingTime: [{ channel: 'in_person', amount: 5, unit: 'working_days' }],
        onlineServiceLevel: 'partial',
      })
      .returning({ id: schema.procedures.id });
    const id = randomUUID();
    await tx.insert(schema.dossiers).values({
      tenantId: world.tenantId,
      id,
      code: `QH-${id.slice(0, 8).toUpperCase()}`,
      procedureId: procedure!.id,
      channel: 'in_person',
      receivingUnitId: unitId,
      currentUnitId: unitId,
      applicantName: 'Trần Văn Quá Hạn',
      nationalStatus: 4,
      localStatus: 'x',
      receivedAt: new Date('2026-03-02T09:00:00+07:00'),
      dueAt: new Date('2026-03-09T17:00:00+07:00'),
    });
    return id;
  });
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  dossier.ward = await overdueDossier(own, own.wardTeamId);
  dossier.department = await overdueDossier(own, own.departmentId);
  dossier.otherProvince = await overdueDossier(other, other.wardTeamId);
  admin = await signIn(app, own.logins.province_admin);
  // The world's leader holds the role at the ward: a unit leader.
  wardLeader = await signIn(app, own.logins.leader, '203.0.113.11');
  clerk = await signIn(app, own.logins.reception_officer, '203.0.113.12');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.13');
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'), '203.0.113.14');
});
afterAll(close);

const base = (world: TenantWorld = own) => `/api/tenants/${world.tenantId}/work-lists`;
interface Page {
  items: { dossierId: string; currentUnitId: string; workingDaysOverdue: number | null }[];
  total: number;
}
async function overdue(session: Session, query = '', world: TenantWorld = own) {
  const response = await call(app, session, 'GET', `${base(world)}/overdue${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

describe('who sees which dossiers', () => {
  it('a province admin sees the whole province, and only it', async () => {
    const page = await overdue(admin);
    expect(page.items.map((i) => i.dossierId).sort()).toEqual([dossier.ward, dossier.department].sort());
    expect(page.items.every((i) => i.workingDaysOverdue !== null && i.workingDaysOverdue > 0)).toBe(true);
  });

  it('a unit leader sees their unit’s subtree, and is refused another unit in Vietnamese', async () => {
    expect((await overdue(wardLeader)).items.map((i) => i.dossierId)).toEqual([dossier.ward]);
    expect((await overdue(wardLeader, `?unitId=${own.wardTeamId}`)).items.map((i) => i.dossierId)).toEqual([dossier.ward]);
    const refused = await call(app, wardLeader, 'GET', `${base()}/stuck?unitId=${own.departmentId}`);
    expect(refused.status).toBe(403);
    expect((await readProblem(refused)).detail).toContain('đơn vị mình phụ trách');
  });

  it('a province admin of another province is refused, with or without a unit of its own', async () => {
    expect((await call(app, otherAdmin, 'GET', `${base()}/overdue`)).status).toBe(403);
    expect((await call(app, otherAdmin, 'GET', `${base()}/near-due?unitId=${other.wardTeamId}`)).status).toBe(403);
    // Its own lists never carry the first province's rows, even when filtered by that province's unit.
    expect((await overdue(otherAdmin, '', other)).items.map((i) => i.dossierId)).toEqual([dossier.otherProvince]);
    const foreignUnit = await call(app, otherAdmin, 'GET', `${base(other)}/overdue?unitId=${own.wardTeamId}`);
    expect(foreignUnit.status).toBe(400);
    expect((await readProblem(foreignUnit)).detail).toContain('không thuộc tỉnh');
  });

  it('an officer without the reports’ right is refused', async () => {
    expect((await call(app, clerk, 'GET', `${base()}/overdue`)).status).toBe(403);
  });

  it('ministry staff may read a province, and the read is recorded for it', async () => {
    expect((await overdue(ministry)).total).toBe(2);
    const reads = (await (await call(app, admin, 'GET', `/api/tenants/${own.tenantId}/ministry-reads`)).json()) as { items: { resource: string }[] };
    expect(reads.items.filter((i) => i.resource === 'GET /api/tenants/:tenantId/work-lists/overdue')).toHaveLength(1);
  });

  it('refuses a malformed filter in Vietnamese', async () => {
    const response = await call(app, admin, 'GET', `${base()}/overdue?unitId=phuong-1&pageSize=500`);
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['pageSize', 'unitId']);
    expect(problem.errors?.find((e) => e.field === 'unitId')?.detail).toBe('mã đơn vị không hợp lệ');
  });
});

describe('the stuck threshold', () => {
  const path = () => `${base()}/settings`;

  it('starts at 3 working days and is read by the province’s leaders', async () => {
    const read = await call(app, wardLeader, 'GET', path());
    expect(read.status).toBe(200);
    expect(((await read.json()) as { stuckAfterWorkingDays: number }).stuckAfterWorkingDays).toBe(3);
    expect(read.headers.get('ETag')).toMatch(/^"\d+"$/);
  });

  it('refuses 0, 61 and a fraction with a Vietnamese message', async () => {
    const etag = (await call(app, admin, 'GET', path())).headers.get('ETag')!;
    for (const bad of [0, 61, 2.5]) {
      const response = await call(app, admin, 'PUT', path(), { stuckAfterWorkingDays: bad }, { 'If-Match': etag });
      expect(response.status).toBe(400);
      expect((await readProblem(response)).errors?.[0]?.detail).toBe('số ngày làm việc từ 1 đến 60');
    }
  });

  it('needs If-Match: 428 without, 412 from an older revision, 200 from the current one', async () => {
    const etag = (await call(app, admin, 'GET', path())).headers.get('ETag')!;
    expect((await call(app, admin, 'PUT', path(), { stuckAfterWorkingDays: 5 })).status).toBe(428);
    const saved = await call(app, admin, 'PUT', path(), { stuckAfterWorkingDays: 5 }, { 'If-Match': etag });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('ETag')).not.toBe(etag);
    expect((await call(app, admin, 'PUT', path(), { stuckAfterWorkingDays: 7 }, { 'If-Match': etag })).status).toBe(412);
    const stuck = (await (await call(app, admin, 'GET', `${base()}/stuck`)).json()) as { stuckAfterWorkingDays: number };
    expect(stuck.stuckAfterWorkingDays).toBe(5);
  });

  it('is written by a province admin only', async () => {
    const etag = (await call(app, admin, 'GET', path())).headers.get('ETag')!;
    expect((await call(app, wardLeader, 'PUT', path(), { stuckAfterWorkingDays: 4 }, { 'If-Match': etag })).status).toBe(403);
    expect((await call(app, otherAdmin, 'PUT', path(), { stuckAfterWorkingDays: 4 }, { 'If-Match': etag })).status).toBe(403);
  });
});
