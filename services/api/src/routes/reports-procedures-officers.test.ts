import { vietnamInstant } from '@gov/calendar';
import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { eq } from 'drizzle-orm';
import { testProcedure } from '@gov/db/testing';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';

// The reports by procedure and by officer, in the scopes of the report by unit: a province's
// admin the whole province, a unit's leader their subtree, the ministry any province (recorded).
const { deps, close } = createTestDeps();
const app = createApp(deps);
const MARCH = 'from=2026-03-01&to=2026-03-31';
const vn = vietnamInstant;

let own: TenantWorld;
let other: TenantWorld;
let admin: Session;
let wardLeader: Session;
let otherAdmin: Session;
let ministry: Session;
let procedureA: string;
let procedureB: string;
let specialistId: string;
let deptOfficerId: string;

async function procedure(name: string) {
  const [row] = await deps.db.insert(schema.procedures).values(testProcedure(name)).returning();
  return row!;
}

/** A dossier received by `unitId` on 10 March 2026, open unless `finishedAt` is given. */
async function dossier(world: TenantWorld, unitId: string, procedureId: string, extra: { channel?: 'online' | 'in_person'; finishedAt?: Date } = {}) {
  const [row] = await withTenant(deps.sql, world.tenantId, (tx) =>
    tx
      .insert(schema.dossiers)
      .values({
        tenantId: world.tenantId,
        code: `TT-${randomUUID().slice(0, 8)}`,
        procedureId,
        channel: extra.channel ?? 'online',
        receivingUnitId: unitId,
        currentUnitId: unitId,
        applicantName: 'Trần Thị Thủ Tục',
        nationalStatus: extra.finishedAt ? 9 : 4,
        localStatus: 'x',
        receivedAt: vn('2026-03-10T09:00'),
        dueAt: vn('2030-01-01T17:00'),
        finishedAt: extra.finishedAt ?? null,
        closedAt: extra.finishedAt ?? null,
      })
      .returning({ id: schema.dossiers.id }),
  );
  return row!.id;
}

async function userIdOf(world: TenantWorld, login: string) {
  const [row] = await withTenant(deps.sql, world.tenantId, (tx) => tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, login)));
  return row!.id;
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  procedureA = (await procedure('Cấp giấy phép A')).id;
  procedureB = (await procedure('Đăng ký B')).id;
  // Ward (the world leader's subtree, with its team): A ×2, B ×1; team: B ×1; department: A ×3.
  const wardA1 = await dossier(own, own.wardId, procedureA);
  const wardA2 = await dossier(own, own.wardId, procedureA);
  await dossier(own, own.wardId, procedureB, { channel: 'in_person' });
  await dossier(own, own.wardTeamId, procedureB);
  const deptA = await dossier(own, own.departmentId, procedureA);
  await dossier(own, own.departmentId, procedureA);
  await dossier(own, own.departmentId, procedureA);
  await dossier(other, other.departmentId, procedureA);
  // The world's specialist sits at the ward; an officer of the department sits beside it.
  specialistId = await userIdOf(own, own.logins.specialist);
  deptOfficerId = randomUUID();
  const resolvedAt = vn('2026-03-20T10:00');
  const resolvedId = await dossier(own, own.wardId, procedureB, { finishedAt: resolvedAt });
  await withTenant(deps.sql, own.tenantId, async (tx) => {
    await tx
      .insert(schema.users)
      .values({ id: deptOfficerId, login: `dept-${deptOfficerId.slice(0, 8)}`, kind: 'officer', homeTenantId: own.tenantId, displayName: 'x' });
    await tx.insert(schema.tenantUsers).values({
      tenantId: own.tenantId,
      userId: deptOfficerId,
      fullName: 'Cán bộ Sở',
      citizenId: '001099011111',
      phone: '0912000000',
      orgUnitId: own.departmentId,
    });
    const task = (dossierId: string, assigneeUserId: string, orgUnitId: string, dueAt: Date, stepKey = 'process') => ({
      tenantId: own.tenantId,
      dossierId,
      stepKey,
      orgUnitId,
      role: 'specialist' as const,
      assigneeUserId,
      dueAt,
      createdAt: vn('2026-03-11T09:00'),
    });
    await tx.insert(schema.tasks).values([
      // Held at the end of March: one past its step's due time, one not.
      task(wardA1, specialistId, own.wardId, vn('2026-03-15T17:00')),
      task(wardA2, specialistId, own.wardId, vn('2026-04-15T17:00')),
      task(deptA, deptOfficerId, own.departmentId, vn('2026-04-15T17:00')),
      // Done in March: not held at its end.
      { ...task(resolvedId, specialistId, own.wardId, vn('2026-03-15T17:00'), 'intake'), status: 'done' as const, completedAt: vn('2026-03-12T09:00') },
    ]);
    const event = (dossierId: string, actorUserId: string, occurredAt: Date, kind: string) => ({
      tenantId: own.tenantId,
      dossierId,
      eventKey: `${kind}-${randomUUID()}`,
      kind,
      actorUserId,
      occurredAt,
    });
    await tx.insert(schema.dossierEvents).values([
      event(wardA1, specialistId, vn('2026-03-12T09:00'), 'forwarded'),
      event(resolvedId, specialistId, vn('2026-03-12T09:00'), 'accepted'),
      // The transition that gave the result, at the dossier's finished_at.
      event(resolvedId, specialistId, resolvedAt, 'approved'),
      // In April: outside the period.
      event(deptA, deptOfficerId, vn('2026-04-02T09:00'), 'forwarded'),
    ]);
  });
  admin = await signIn(app, own.logins.province_admin, '203.0.113.41');
  wardLeader = await signIn(app, own.logins.leader, '203.0.113.42');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.43');
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'), '203.0.113.44');
});
afterAll(close);

interface Counts {
  toHandle: number;
  received: number;
  receivedOnline: number;
  receivedInPersonOrPost: number;
  resolved: number;
}
interface ProcedureReport {
  scope: string;
  unit: { id: string } | null;
  items: (Counts & { procedureCode: string; name: string })[];
  totals: Counts;
}
interface OfficerReport {
  scope: string;
  items: { userId: string; fullName: string; orgUnitId: string; openTasks: number; overdueTasks: number; actions: number; resolved: number }[];
  totals: { openTasks: number; overdueTasks: number; actions: number; resolved: number };
}

const url = (what: 'procedures' | 'officers' | 'units', query = MARCH, world: TenantWorld = own) => `/api/reports/provinces/${world.tenantId}/${what}?${query}`;
async function json<T>(session: Session, path: string): Promise<T> {
  const response = await call(app, session, 'GET', path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}
const byName = (r: ProcedureReport) => Object.fromEntries(r.items.map((i) => [i.name, i.toHandle]));

describe('the report by procedure', () => {
  it('gives a province admin every procedure of the province, the same totals as the report by unit', async () => {
    const r = await json<ProcedureReport>(admin, url('procedures'));
    expect(r.scope).toBe('province');
    expect(byName(r)).toEqual({ 'Cấp giấy phép A': 5, 'Đăng ký B': 3 });
    expect(r.items.find((i) => i.name === 'Đăng ký B')).toMatchObject({ receivedOnline: 2, receivedInPersonOrPost: 1, resolved: 1 });
    const units = await json<{ totals: Counts }>(admin, url('units'));
    expect(r.totals).toEqual(units.totals);
  });

  it("gives a unit leader the procedures of their subtree's dossiers only", async () => {
    const r = await json<ProcedureReport>(wardLeader, url('procedures'));
    expect(r.scope).toBe('units');
    expect(byName(r)).toEqual({ 'Cấp giấy phép A': 2, 'Đăng ký B': 3 });
    expect(r.totals.toHandle).toBe(5);
  });

  it('narrows to one unit of the caller’s scope, and refuses a unit outside it or unknown', async () => {
    const team = await json<ProcedureReport>(admin, url('procedures', `${MARCH}&unitId=${own.wardTeamId}`));
    expect(team).toMatchObject({ scope: 'units', unit: { id: own.wardTeamId } });
    expect(byName(team)).toEqual({ 'Đăng ký B': 1 });
    const outside = await call(app, wardLeader, 'GET', url('procedures', `${MARCH}&unitId=${own.departmentId}`));
    expect(outside.status).toBe(403);
    expect((await readProblem(outside)).detail).toBe('Đơn vị này không thuộc phạm vi báo cáo của bạn.');
    const foreignUnit = await call(app, admin, 'GET', url('procedures', `${MARCH}&unitId=${other.departmentId}`));
    expect(foreignUnit.status).toBe(404);
    expect((await readProblem(foreignUnit)).detail).toMatch(/Không tìm thấy đơn vị/);
  });

  it('answers bad periods and unit ids with a 400 in Vietnamese', async () => {
    for (const query of ['from=2026-03-31&to=2026-03-01', 'from=2026-02-30', 'from=2025-01-01&to=2026-03-31', `${MARCH}&unitId=phuong`]) {
      for (const what of ['procedures', 'officers'] as const) {
        const response = await call(app, admin, 'GET', url(what, query));
        expect(response.status, `${what}?${query}`).toBe(400);
        expect((await readProblem(response)).detail).toMatch(/[àáảãạăâđêôơưế]/);
      }
    }
  });

  it('exports the scope as CSV, one line per procedure and the line for the whole', async () => {
    const response = await call(app, wardLeader, 'GET', `${url('procedures')}&format=csv&lang=vi`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/Mã thủ tục,Tên thủ tục,Từ ngày,Đến ngày,/);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^,"?Cộng các đơn vị phụ trách \(/);
  });
});

describe('the report by officer', () => {
  it('gives each officer the tasks held at the end, overdue among them, actions and results in the period', async () => {
    const r = await json<OfficerReport>(admin, url('officers'));
    expect(r.scope).toBe('province');
    const lines = Object.fromEntries(
      r.items.map(({ userId, openTasks, overdueTasks, actions, resolved }) => [userId, { openTasks, overdueTasks, actions, resolved }]),
    );
    expect(lines).toEqual({
      [specialistId]: { openTasks: 2, overdueTasks: 1, actions: 3, resolved: 1 },
      [deptOfficerId]: { openTasks: 1, overdueTasks: 0, actions: 0, resolved: 0 },
    });
    expect(r.totals).toEqual({ openTasks: 3, overdueTasks: 1, actions: 3, resolved: 1 });
  });

  it("gives a unit leader only the officers of their subtree, and refuses another province's admin", async () => {
    const r = await json<OfficerReport>(wardLeader, url('officers'));
    expect(r.items.map((i) => i.userId)).toEqual([specialistId]);
    const foreign = await call(app, otherAdmin, 'GET', url('officers'));
    expect(foreign.status).toBe(403);
    expect((await readProblem(foreign)).detail).toMatch(/[àáảãạăâđêôơư]/);
  });

  it('exports as XLSX', async () => {
    const response = await call(app, admin, 'GET', `${url('officers')}&format=xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/spreadsheetml/);
    expect(response.headers.get('Content-Disposition')).toMatch(/Kh%E1%BB%91i%20l%C6%B0%E1%BB%A3ng/);
  });
});

describe('the ministry', () => {
  it('reads any province by procedure and by officer, each read recorded for the province', async () => {
    const ids: string[] = [];
    for (const what of ['procedures', 'officers'] as const) {
      const response = await call(app, ministry, 'GET', url(what));
      expect(response.status).toBe(200);
      ids.push(response.headers.get('X-Request-Id')!);
    }
    const reads = await json<{ items: { requestId: string; resource: string }[] }>(ministry, `/api/tenants/${own.tenantId}/ministry-reads?pageSize=100`);
    expect(reads.items.filter((r) => ids.includes(r.requestId)).map((r) => r.resource)).toEqual(
      expect.arrayContaining(['GET /api/reports/provinces/:tenantId/procedures', 'GET /api/reports/provinces/:tenantId/officers']),
    );
  });
});
