import { schema, withTenant } from '@gov/db';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { problemCode } from '../testing/problem.js';
import { buildTenantWorld, call, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Optimistic concurrency: what province admins edit answers with an ETag, and a write names the
// revision it was based on. Without it: 428; from an older revision: 412; in both cases nothing
// of the write remains (the row, and the audit log, are as before).
const { deps, close } = createTestDeps();
const app = createApp(deps);
const SEED_CODE = '1.005092';
let world: TenantWorld;
let admin: Session;
let otherAdmin: Session;

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  // Two sessions of province admins working at the same time (the same account is enough: each
  // holds the revision its own page read).
  [admin, otherAdmin] = [await signIn(app, world.logins.province_admin), await signIn(app, world.logins.province_admin, '203.0.113.11')];
});
afterAll(close);

const base = () => `/api/tenants/${world.tenantId}`;
const auditCount = () =>
  withTenant(deps.sql, world.tenantId, async (tx) => (await tx.select().from(schema.auditLog).where(eq(schema.auditLog.tenantId, world.tenantId))).length);
const ifMatch = (etag: string | null) => ({ 'If-Match': etag ?? 'missing ETag' });

async function unitNow(unitId: string) {
  const list = (await (await call(app, admin, 'GET', `${base()}/org-units`)).json()) as { items: { id: string; name: string; revision: number }[] };
  return list.items.find((u) => u.id === unitId)!;
}

describe('a unit renamed by two admins from the same page', () => {
  it('428 without If-Match, 200 from the current revision, 412 from the old one; the refused writes leave nothing', async () => {
    const before = await unitNow(world.departmentId);
    const audits = await auditCount();

    const blind = await call(app, admin, 'PATCH', `${base()}/org-units/${world.departmentId}`, { name: 'Sở Nội vụ (không phiên bản)' });
    expect(blind.status).toBe(428);
    expect(blind.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await problemCode(blind)).toBe('precondition_required');

    const first = await call(app, admin, 'PATCH', `${base()}/org-units/${world.departmentId}`, { name: 'Sở Nội vụ tỉnh' }, ifMatch(`"${before.revision}"`));
    expect(first.status).toBe(200);
    expect(first.headers.get('ETag')).toBe(`"${before.revision + 1}"`);
    expect(((await first.json()) as { revision: number }).revision).toBe(before.revision + 1);

    const stale = await call(
      app,
      otherAdmin,
      'PATCH',
      `${base()}/org-units/${world.departmentId}`,
      { name: 'Sở Nội vụ (ghi đè)' },
      ifMatch(`"${before.revision}"`),
    );
    expect(stale.status).toBe(412);
    expect(await problemCode(stale)).toBe('precondition_failed');

    // Only the one accepted rename is saved and audited.
    expect(await unitNow(world.departmentId)).toMatchObject({ name: 'Sở Nội vụ tỉnh', revision: before.revision + 1 });
    expect(await auditCount()).toBe(audits + 1);
  });

  it('of two writes racing from the same revision, exactly one wins', async () => {
    const before = await unitNow(world.wardTeamId);
    const [a, b] = await Promise.all([
      call(app, admin, 'PATCH', `${base()}/org-units/${world.wardTeamId}`, { name: 'Tổ tiếp nhận A' }, ifMatch(`"${before.revision}"`)),
      call(app, otherAdmin, 'PATCH', `${base()}/org-units/${world.wardTeamId}`, { name: 'Tổ tiếp nhận B' }, ifMatch(`"${before.revision}"`)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? 'Tổ tiếp nhận A' : 'Tổ tiếp nhận B';
    expect(await unitNow(world.wardTeamId)).toMatchObject({ name: winner, revision: before.revision + 1 });
  });

  it('a weak or malformed tag never matches (If-Match compares strongly); `*` matches any', async () => {
    const { revision } = await unitNow(world.wardId);
    for (const tag of [`W/"${revision}"`, `${revision}`, '"abc"']) {
      expect((await call(app, admin, 'PATCH', `${base()}/org-units/${world.wardId}`, { name: 'Phường X' }, { 'If-Match': tag })).status).toBe(412);
    }
    expect((await call(app, admin, 'PATCH', `${base()}/org-units/${world.wardId}`, { name: 'Phường Y' }, { 'If-Match': `"1", "${revision}"` })).status).toBe(
      200,
    );
    expect((await call(app, admin, 'PATCH', `${base()}/org-units/${world.wardId}`, { name: 'Phường Z' }, { 'If-Match': '*' })).status).toBe(200);
  });
});

describe('every resource admins edit', () => {
  it('an officer: edit, move, deactivate and reactivate each need the current revision', async () => {
    const list = (await (await call(app, admin, 'GET', `${base()}/users?pageSize=100`)).json()) as {
      items: { userId: string; login: string; revision: number }[];
    };
    const officer = list.items.find((o) => o.login === world.logins.specialist)!;
    const path = `${base()}/users/${officer.userId}`;
    const audits = await auditCount();
    expect((await call(app, admin, 'PATCH', path, { position: 'Chuyên viên' })).status).toBe(428);
    expect((await call(app, admin, 'POST', `${path}/deactivate`)).status).toBe(428);
    expect((await call(app, admin, 'POST', `${path}/move`, { orgUnitId: world.departmentId, reason: 'Điều động' })).status).toBe(428);
    expect(await auditCount()).toBe(audits);

    const edited = await call(app, admin, 'PATCH', path, { position: 'Chuyên viên' }, ifMatch(`"${officer.revision}"`));
    expect(edited.status).toBe(200);
    const etag = edited.headers.get('ETag');
    expect(etag).toBe(`"${officer.revision + 1}"`);
    // The deactivation was prepared on the page before the edit: refused, the officer stays active.
    expect((await call(app, otherAdmin, 'POST', `${path}/deactivate`, {}, ifMatch(`"${officer.revision}"`))).status).toBe(412);
    const [row] = await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .select()
        .from(schema.tenantUsers)
        .where(and(eq(schema.tenantUsers.tenantId, world.tenantId), eq(schema.tenantUsers.userId, officer.userId))),
    );
    expect(row).toMatchObject({ active: true, position: 'Chuyên viên' });

    const off = await call(app, admin, 'POST', `${path}/deactivate`, {}, ifMatch(etag));
    expect(off.status).toBe(200);
    expect((await call(app, admin, 'POST', `${path}/activate`, {}, ifMatch(off.headers.get('ETag')))).status).toBe(200);
  });

  it('a role assignment: a revoke names its revision', async () => {
    const list = (await (await call(app, admin, 'GET', `${base()}/role-assignments`)).json()) as {
      items: { id: string; role: string; revision: number }[];
    };
    const assignment = list.items.find((a) => a.role === 'reception_officer')!;
    const path = `${base()}/role-assignments/${assignment.id}/revoke`;
    expect((await call(app, admin, 'POST', path, { reason: 'Nghỉ hưu' })).status).toBe(428);
    expect((await call(app, admin, 'POST', path, { reason: 'Nghỉ hưu' }, ifMatch(`"${assignment.revision + 7}"`))).status).toBe(412);
    const [still] = await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .select()
        .from(schema.roleAssignments)
        .where(and(eq(schema.roleAssignments.id, assignment.id), isNull(schema.roleAssignments.revokedAt))),
    );
    expect(still).toBeDefined();
    expect((await call(app, admin, 'POST', path, { reason: 'Nghỉ hưu' }, ifMatch(`"${assignment.revision}"`))).status).toBe(200);
  });

  it('a procedure setting: the first activation says "none yet" (If-None-Match: *), a change names the revision', async () => {
    const path = `${base()}/procedure-settings/${SEED_CODE}`;
    const body = { receivingUnitIds: [world.wardId], handlingUnitIds: [world.wardId] };
    expect((await call(app, admin, 'PUT', path, body)).status).toBe(428);
    const created = await call(app, admin, 'PUT', path, body, { 'If-None-Match': '*' });
    expect(created.status).toBe(200);
    expect(created.headers.get('ETag')).toBe('"1"');
    // A second "first activation" from another page finds it already there.
    expect((await call(app, otherAdmin, 'PUT', path, { ...body, localFeeVnd: 5000 }, { 'If-None-Match': '*' })).status).toBe(412);
    const read = await call(app, admin, 'GET', path);
    expect(read.headers.get('ETag')).toBe('"1"');
    expect(await read.json()).toMatchObject({ localFeeVnd: null, revision: 1 });
    expect((await call(app, admin, 'PUT', path, { ...body, localFeeVnd: 5000 }, ifMatch(read.headers.get('ETag')))).status).toBe(200);
  });

  it('the working calendar: "0" until the province saves its own, then each save raises it', async () => {
    const path = `${base()}/calendar`;
    const read = await call(app, admin, 'GET', path);
    expect(read.headers.get('ETag')).toBe('"0"');
    const settings = { overrides: [{ date: '2026-09-03', status: 'off', name: 'Nghỉ bù' }] };
    expect((await call(app, admin, 'PUT', path, settings)).status).toBe(428);
    const saved = await call(app, admin, 'PUT', path, settings, ifMatch(read.headers.get('ETag')));
    expect(saved.status).toBe(200);
    expect(saved.headers.get('ETag')).toBe('"1"');
    expect((await call(app, otherAdmin, 'PUT', path, { overrides: [] }, ifMatch(read.headers.get('ETag')))).status).toBe(412);
    expect(((await (await call(app, admin, 'GET', path)).json()) as { overrides: unknown[] }).overrides).toHaveLength(1);
  });

  it('the sign-in policy', async () => {
    const path = `${base()}/sign-in-policy`;
    const read = await call(app, admin, 'GET', path);
    expect((await call(app, admin, 'PUT', path, { officersVneidOnly: false })).status).toBe(428);
    const saved = await call(app, admin, 'PUT', path, { officersVneidOnly: false }, ifMatch(read.headers.get('ETag')));
    expect(saved.status).toBe(200);
    expect((await call(app, otherAdmin, 'PUT', path, { officersVneidOnly: true }, ifMatch(read.headers.get('ETag')))).status).toBe(412);
    expect(await (await call(app, admin, 'GET', path)).json()).toMatchObject({ officersVneidOnly: false });
  });

  it('a caller without the right is refused as such (403), whatever the header', async () => {
    const clerk = await signIn(app, world.logins.reception_officer, '203.0.113.12');
    expect((await call(app, clerk, 'PATCH', `${base()}/org-units/${world.departmentId}`, { name: 'Đổi tên' })).status).toBe(403);
  });
});
