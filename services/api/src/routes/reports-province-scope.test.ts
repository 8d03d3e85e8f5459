import { randomUUID } from 'node:crypto';
import { hashPassword } from '@gov/core';
import { schema, withTenant } from '@gov/db';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { readProblem } from '../testing/problem.js';
import { buildTenantWorld, call, createGlobalUser, PASSWORD, signIn, type Session, type TenantWorld } from '../testing/world.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
const MARCH = 'from=2026-03-01&to=2026-03-31';

let own: TenantWorld;
let other: TenantWorld;
let admin: Session;
let provinceLeader: Session;
let wardLeader: Session;
let clerk: Session;
let otherAdmin: Session;
let ministry: Session;

/** `count` dossiers received by `unitId` in March 2026, still open. */
async function received(world: TenantWorld, unitId: string, count: number) {
  await withTenant(deps.sql, world.tenantId, async (tx) => {
    const [procedure] = await tx
      .insert(schema.procedures)
      .values({
        code: `9.${randomUUID().slice(0, 6)}`,
        version: 1,
        name: 'Cấp giấy phép',
        sector: 'Nội vụ',
        level: 'commune',
        channels: ['online', 'in_person'],
        processingTime: [{ channel: 'online', amount: 5, unit: 'working_days' }],
        onlineServiceLevel: 'full',
      })
      .returning({ id: schema.procedures.id });
    for (let i = 0; i < count; i++) {
      await tx.insert(schema.dossiers).values({
        tenantId: world.tenantId,
        code: `PV-${randomUUID().slice(0, 8)}`,
        procedureId: procedure!.id,
        channel: 'online',
        receivingUnitId: unitId,
        currentUnitId: unitId,
        applicantName: 'Lê Thị Phạm Vi',
        nationalStatus: 2,
        localStatus: 'x',
        receivedAt: new Date('2026-03-10T09:00:00+07:00'),
        dueAt: new Date('2030-01-01T17:00:00+07:00'),
      });
    }
  });
}

/** A leader at the province's root unit: a province leader, who sees every unit. */
async function rootLeader(world: TenantWorld): Promise<string> {
  const login = `province-leader-${randomUUID().slice(0, 8)}`;
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(deps.sql, world.tenantId, async (tx) => {
    const [user] = await tx.insert(schema.users).values({ login, passwordHash, kind: 'officer', homeTenantId: world.tenantId, displayName: login }).returning();
    await tx.insert(schema.tenantUsers).values({
      tenantId: world.tenantId,
      userId: user!.id,
      fullName: 'Lãnh đạo tỉnh',
      citizenId: '001099054321',
      phone: '0912345679',
      orgUnitId: world.rootId,
    });
    await tx
      .insert(schema.roleAssignments)
      .values({ tenantId: world.tenantId, userId: user!.id, role: 'leader', orgUnitId: world.rootId, reason: 'test world' });
  });
  return login;
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [own, other] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  // The ward (2) and its team (1) are the world leader's subtree; the department (4) is beside it.
  await received(own, own.wardId, 2);
  await received(own, own.wardTeamId, 1);
  await received(own, own.departmentId, 4);
  await received(other, other.departmentId, 5);
  admin = await signIn(app, own.logins.province_admin);
  provinceLeader = await signIn(app, await rootLeader(own), '203.0.113.21');
  // The world's leader holds the role at the ward: a unit leader.
  wardLeader = await signIn(app, own.logins.leader, '203.0.113.22');
  clerk = await signIn(app, own.logins.reception_officer, '203.0.113.23');
  otherAdmin = await signIn(app, other.logins.province_admin, '203.0.113.24');
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_oversight'), '203.0.113.25');
});
afterAll(close);

interface UnitReport {
  province: { id: string };
  scope: 'province' | 'units';
  items: { orgUnitId: string; toHandle: number; received: number }[];
  totals: { toHandle: number; received: number };
}
const path = (world: TenantWorld = own, query = MARCH) => `/api/reports/provinces/${world.tenantId}/units?${query}`;
async function report(session: Session, world: TenantWorld = own) {
  const response = await call(app, session, 'GET', path(world));
  expect(response.status).toBe(200);
  return (await response.json()) as UnitReport;
}
const byUnit = (r: UnitReport) => Object.fromEntries(r.items.map((i) => [i.orgUnitId, i.toHandle]));

describe("a province's own unit report", () => {
  it('shows a province admin and a province leader every unit, and the whole province in the totals', async () => {
    for (const session of [admin, provinceLeader]) {
      const r = await report(session);
      expect(r.province.id).toBe(own.tenantId);
      expect(r.scope).toBe('province');
      expect(byUnit(r)).toEqual({ [own.departmentId]: 4, [own.wardId]: 2, [own.wardTeamId]: 1 });
      expect(r.totals).toMatchObject({ toHandle: 7, received: 7 });
    }
  });

  it("shows a unit leader only their subtree's units, and totals of that subtree alone", async () => {
    const r = await report(wardLeader);
    expect(r.scope).toBe('units');
    expect(byUnit(r)).toEqual({ [own.wardId]: 2, [own.wardTeamId]: 1 });
    expect(r.totals).toMatchObject({ toHandle: 3, received: 3 });
  });

  it('is the same report the ministry reads, which still sees every unit', async () => {
    const r = await report(ministry);
    expect(r.scope).toBe('province');
    expect(r.totals).toMatchObject({ toHandle: 7, received: 7 });
  });

  it('exports the caller’s scope only', async () => {
    const response = await call(app, wardLeader, 'GET', `${path()}&format=csv&lang=vi`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    // A header, the ward and its team, and the line for the whole (of what the leader sees).
    expect(lines).toHaveLength(4);
    expect(lines.some((line) => line.includes('so-noi-vu'))).toBe(false);
    // The last line is the leader's units added up, not called the province's.
    expect(lines.at(-1)).toMatch(/^,"?Cộng các đơn vị phụ trách \(/);
    expect(lines.at(-1)).toMatch(/,3,0,3,3,0,/);
  });

  it("refuses another province's admin and an officer without the reports' right", async () => {
    const foreign = await call(app, otherAdmin, 'GET', path());
    expect(foreign.status).toBe(403);
    expect((await readProblem(foreign)).detail).toMatch(/[àáảãạăâđêôơư]/);
    expect((await call(app, clerk, 'GET', path())).status).toBe(403);
    // Its own province's report never carries the first province's units.
    expect(byUnit(await report(otherAdmin, other))).toEqual({ [other.departmentId]: 5 });
  });

  it('still refuses the national report to a province admin', async () => {
    expect((await call(app, admin, 'GET', `/api/reports/provinces?${MARCH}`)).status).toBe(403);
  });
});
