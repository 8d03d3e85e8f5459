import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { ANY_REVISION, buildTenantWorld, call, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Officer lifecycle: edit the profile, move to another unit, deactivate; the officer's open
// tasks are listed each time, for a leader to hand over.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;
let provinceAdmin: Session;
let unitAdmin: Session;

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  [provinceAdmin, unitAdmin] = [await signIn(app, world.logins.province_admin), await signIn(app, world.logins.unit_admin)];
});
afterAll(close);

/** An officer at the ward holding a specialist role there and a leader role at the department, with one open task assigned to them. */
async function busyOfficer() {
  const { tenantId, wardId, departmentId } = world;
  return withTenant(deps.sql, tenantId, async (tx) => {
    const [user] = await tx
      .insert(schema.users)
      .values({ login: `cb-${randomUUID().slice(0, 8)}`, kind: 'officer', homeTenantId: tenantId, displayName: 'Cán bộ' })
      .returning();
    const userId = user!.id;
    await tx.insert(schema.tenantUsers).values({ tenantId, userId, fullName: 'Phạm Thị Lan', citizenId: '001199004321', orgUnitId: wardId });
    await tx.insert(schema.roleAssignments).values([
      { tenantId, userId, role: 'specialist', orgUnitId: wardId, reason: 'fixture' },
      { tenantId, userId, role: 'leader', orgUnitId: departmentId, reason: 'fixture' },
    ]);
    const [procedure] = await tx
      .insert(schema.procedures)
      .values({
        code: `9.${randomUUID().slice(0, 6)}`,
        version: 1,
        name: 'Thủ tục thử',
        sector: 'Nội vụ',
        level: 'commune',
        channels: ['online'],
        processingTime: {},
        onlineServiceLevel: 'full',
      })
      .returning();
    const dossierId = randomUUID();
    const code = `LC-${dossierId.slice(0, 8)}`;
    await tx.insert(schema.dossiers).values({
      tenantId,
      id: dossierId,
      code,
      procedureId: procedure!.id,
      channel: 'online',
      receivingUnitId: wardId,
      currentUnitId: wardId,
      applicantName: 'Nguyễn Văn A',
      nationalStatus: 4,
      localStatus: 'processing',
      receivedAt: new Date(),
    });
    const [task] = await tx
      .insert(schema.tasks)
      .values({ tenantId, dossierId, stepKey: 'process', orgUnitId: wardId, role: 'specialist', assigneeUserId: userId })
      .returning();
    return { userId, code, taskId: task!.id };
  });
}

const activeRoles = (userId: string) =>
  withTenant(deps.sql, world.tenantId, (tx) =>
    tx
      .select({ role: schema.roleAssignments.role })
      .from(schema.roleAssignments)
      .where(and(eq(schema.roleAssignments.userId, userId), isNull(schema.roleAssignments.revokedAt))),
  );

describe('editing an officer', () => {
  it('a province admin edits any field; a unit admin all but the citizen ID', async () => {
    const { userId } = await busyOfficer();
    const path = `/api/tenants/${world.tenantId}/users/${userId}`;
    expect((await call(app, provinceAdmin, 'PATCH', path, { fullName: 'Phạm Thị Lan Anh', citizenId: '001199004322' }, ANY_REVISION)).status).toBe(200);
    expect((await call(app, unitAdmin, 'PATCH', path, { position: 'Chuyên viên chính', phone: '0912 000 222' }, ANY_REVISION)).status).toBe(200);
    expect((await call(app, unitAdmin, 'PATCH', path, { citizenId: '001199004323' }, ANY_REVISION)).status).toBe(403);
    expect((await call(app, provinceAdmin, 'PATCH', path, { phone: 'không phải số' }, ANY_REVISION)).status).toBe(400);
    const [row] = await withTenant(deps.sql, world.tenantId, (tx) => tx.select().from(schema.tenantUsers).where(eq(schema.tenantUsers.userId, userId)));
    expect(row).toMatchObject({ fullName: 'Phạm Thị Lan Anh', citizenId: '001199004322', position: 'Chuyên viên chính', phone: '0912000222' });
  });

  it('a province admin cannot edit a fellow province admin', async () => {
    const other = await busyOfficer();
    await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .insert(schema.roleAssignments)
        .values({ tenantId: world.tenantId, userId: other.userId, role: 'province_admin', orgUnitId: world.rootId, reason: 'fixture' }),
    );
    expect(
      (await call(app, provinceAdmin, 'PATCH', `/api/tenants/${world.tenantId}/users/${other.userId}`, { fullName: 'Đổi tên' }, ANY_REVISION)).status,
    ).toBe(403);
  });
});

describe('moving an officer', () => {
  it('ends the roles held at the old unit, keeps the others, and lists the open tasks', async () => {
    const { userId, code, taskId } = await busyOfficer();
    const response = await call(
      app,
      provinceAdmin,
      'POST',
      `/api/tenants/${world.tenantId}/users/${userId}/move`,
      {
        orgUnitId: world.departmentId,
        reason: 'Quyết định điều động số 3',
      },
      ANY_REVISION,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { endedRoles: { role: string }[]; openTasks: { taskId: string; dossierCode: string }[] };
    expect(body.endedRoles.map((r) => r.role)).toEqual(['specialist']);
    expect(body.openTasks).toEqual([expect.objectContaining({ taskId, dossierCode: code })]);
    expect((await activeRoles(userId)).map((r) => r.role)).toEqual(['leader']);
  });

  it("is the province admin's: a unit admin cannot move an officer", async () => {
    const { userId } = await busyOfficer();
    expect(
      (
        await call(
          app,
          unitAdmin,
          'POST',
          `/api/tenants/${world.tenantId}/users/${userId}/move`,
          { orgUnitId: world.wardTeamId, reason: 'Điều chuyển' },
          ANY_REVISION,
        )
      ).status,
    ).toBe(403);
  });
});

describe('deactivating an officer', () => {
  it('lists their open tasks for reassignment', async () => {
    const { userId, taskId } = await busyOfficer();
    const response = await call(app, provinceAdmin, 'POST', `/api/tenants/${world.tenantId}/users/${userId}/deactivate`, undefined, ANY_REVISION);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openTasks: { taskId: string }[] }).openTasks.map((t) => t.taskId)).toEqual([taskId]);
  });
});
