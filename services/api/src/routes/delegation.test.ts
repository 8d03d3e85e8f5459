import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { schema } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { buildTenantWorld, call, createGlobalUser, signIn, type Session, type TenantWorld } from '../testing/world.js';
import { problemDetail } from '../testing/problem.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
let a: TenantWorld;
let b: TenantWorld;
let ministry: Session;

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [a, b] = await Promise.all([buildTenantWorld(deps.db, deps.sql, ownerUrl), buildTenantWorld(deps.db, deps.sql, ownerUrl)]);
  ministry = await signIn(app, await createGlobalUser(deps.db, 'ministry_admin'));
});
afterAll(close);

const userId = async (login: string) => (await deps.db.select().from(schema.users).where(eq(schema.users.login, login)))[0]!.id;
const officer = (unitId: string) => ({
  login: `can-bo-${randomUUID().slice(0, 8)}`,
  fullName: 'Lê Thị Hoa',
  citizenId: '001199001234',
  position: 'Chuyên viên',
  phone: '0987 654 321',
  email: 'hoa@hanoi.gov.vn',
  orgUnitId: unitId,
});
const appointee = () => ({ ...officer(randomUUID()), orgUnitId: undefined, reason: 'Công văn đăng ký số 12/UBND' });

describe('a province admin runs its own province from the API', () => {
  it('builds its unit tree, creates an officer and gives them a role', async () => {
    const admin = await signIn(app, a.logins.province_admin);
    const unit = await call(app, admin, 'POST', `/api/tenants/${a.tenantId}/org-units`, {
      parentId: a.rootId,
      code: `P-${randomUUID().slice(0, 4)}`,
      name: 'Phường Ba Đình',
      kind: 'commune_one_stop',
    });
    expect(unit.status).toBe(201);
    const unitId = ((await unit.json()) as { id: string }).id;
    const created = await call(app, admin, 'POST', `/api/tenants/${a.tenantId}/users`, officer(unitId));
    expect(created.status).toBe(201);
    const newId = ((await created.json()) as { id: string }).id;
    const grant = await call(app, admin, 'POST', `/api/tenants/${a.tenantId}/role-assignments`, {
      userId: newId,
      role: 'reception_officer',
      orgUnitId: unitId,
      reason: 'Phân công tiếp nhận',
    });
    expect(grant.status).toBe(201);
    const list = (await (await call(app, admin, 'GET', `/api/tenants/${a.tenantId}/role-assignments`)).json()) as {
      items: { userId: string; role: string; reason: string }[];
    };
    expect(list.items).toContainEqual(expect.objectContaining({ userId: newId, role: 'reception_officer', reason: 'Phân công tiếp nhận' }));
    // The grant is in the province's audit chain (read as superuser: audit_log is RLS-protected).
    const superuser = postgres(inject('adminDatabaseUrl'), { max: 1 });
    const audited = await superuser<{ n: number }[]>`
      select count(*)::int as n from audit_log
      where tenant_id = ${a.tenantId} and action = 'role.granted' and details->>'userId' = ${newId}`.finally(() => superuser.end());
    expect(audited[0]?.n).toBe(1);
  });

  it('sees citizen IDs in full while a unit admin sees them masked', async () => {
    const full = (await (await call(app, await signIn(app, a.logins.province_admin), 'GET', `/api/tenants/${a.tenantId}/users`)).json()) as {
      items: { citizenId: string }[];
    };
    expect(full.items.some((u) => u.citizenId === '001099012345')).toBe(true);
    const maskedResponse = await call(app, await signIn(app, a.logins.unit_admin), 'GET', `/api/tenants/${a.tenantId}/users`);
    const masked = (await maskedResponse.json()) as { items: { citizenId: string }[] };
    expect({ status: maskedResponse.status, masked }).toMatchObject({ status: 200 });
    expect(masked.items.length).toBeGreaterThan(0);
    for (const item of masked.items) expect(item.citizenId).toMatch(/^\d{4}\*{5}\d{3}$/);
  });

  it('pages the officers like every list, counting only those the admin may see', async () => {
    const admin = await signIn(app, a.logins.province_admin);
    type Page = { items: { login: string }[]; total: number; page: number; pageSize: number };
    const all = (await (await call(app, admin, 'GET', `/api/tenants/${a.tenantId}/users?pageSize=100`)).json()) as Page;
    const second = (await (await call(app, admin, 'GET', `/api/tenants/${a.tenantId}/users?page=2&pageSize=2`)).json()) as Page;
    expect(all.total).toBe(all.items.length);
    expect(second).toMatchObject({ total: all.total, page: 2, pageSize: 2 });
    expect(second.items.map((u) => u.login)).toEqual(all.items.slice(2, 4).map((u) => u.login));
    const unitAdmin = (await (await call(app, await signIn(app, a.logins.unit_admin), 'GET', `/api/tenants/${a.tenantId}/users`)).json()) as Page;
    expect(unitAdmin.total).toBe(unitAdmin.items.length);
    expect(unitAdmin.total).toBeLessThan(all.total);
  });
});

describe('escalation is impossible', () => {
  it('a province admin cannot appoint another province admin', async () => {
    const admin = await signIn(app, a.logins.province_admin);
    const response = await call(app, admin, 'POST', `/api/tenants/${a.tenantId}/role-assignments`, {
      userId: await userId(a.logins.specialist),
      role: 'province_admin',
      orgUnitId: a.rootId,
      reason: 'thử',
    });
    expect(response.status).toBe(403);
  });

  it('a province admin cannot act in another province', async () => {
    const admin = await signIn(app, a.logins.province_admin);
    const response = await call(app, admin, 'POST', `/api/tenants/${b.tenantId}/role-assignments`, {
      userId: await userId(b.logins.specialist),
      role: 'leader',
      orgUnitId: b.wardId,
      reason: 'thử',
    });
    expect(response.status).toBe(403);
    const units = await call(app, admin, 'POST', `/api/tenants/${b.tenantId}/org-units`, { parentId: b.rootId, code: 'XX-01', name: 'Lạ', kind: 'office' });
    expect(units.status).toBe(403);
  });

  it('a unit admin delegates inside its subtree only', async () => {
    const unitAdmin = await signIn(app, a.logins.unit_admin);
    const target = await userId(a.logins.leader);
    const inside = await call(app, unitAdmin, 'POST', `/api/tenants/${a.tenantId}/role-assignments`, {
      userId: target,
      role: 'specialist',
      orgUnitId: a.wardTeamId,
      reason: 'Trong phạm vi',
    });
    expect(inside.status).toBe(201);
    const outside = await call(app, unitAdmin, 'POST', `/api/tenants/${a.tenantId}/role-assignments`, {
      userId: target,
      role: 'specialist',
      orgUnitId: a.departmentId,
      reason: 'Ngoài phạm vi',
    });
    expect(outside.status).toBe(403);
    const unitOutside = await call(app, unitAdmin, 'POST', `/api/tenants/${a.tenantId}/org-units`, {
      parentId: a.departmentId,
      code: `O-${randomUUID().slice(0, 4)}`,
      name: 'Ngoài',
      kind: 'office',
    });
    expect(unitOutside.status).toBe(403);
  });

  it('nobody promotes themselves, and an officer grants nothing', async () => {
    const unitAdmin = await signIn(app, a.logins.unit_admin);
    const self = await call(app, unitAdmin, 'POST', `/api/tenants/${a.tenantId}/role-assignments`, {
      userId: await userId(a.logins.unit_admin),
      role: 'leader',
      orgUnitId: a.wardTeamId,
      reason: 'tự cấp',
    });
    expect(self.status).toBe(403);
    const specialist = await signIn(app, a.logins.specialist);
    const grant = await call(app, specialist, 'POST', `/api/tenants/${a.tenantId}/role-assignments`, {
      userId: await userId(a.logins.leader),
      role: 'specialist',
      orgUnitId: a.wardId,
      reason: 'thử',
    });
    expect(grant.status).toBe(403);
  });

  it('refused grants change nothing', async () => {
    const before = await deps.db.select().from(schema.roleAssignments).where(eq(schema.roleAssignments.tenantId, a.tenantId));
    const admin = await signIn(app, a.logins.province_admin);
    await call(app, admin, 'POST', `/api/tenants/${a.tenantId}/role-assignments`, {
      userId: await userId(a.logins.specialist),
      role: 'province_admin',
      orgUnitId: a.rootId,
      reason: 'thử',
    });
    const after = await deps.db.select().from(schema.roleAssignments).where(eq(schema.roleAssignments.tenantId, a.tenantId));
    expect(after.length).toBe(before.length);
  });
});

describe('at most three province admins', () => {
  it('the ministry appoints up to three, and a fourth is refused with the reason', async () => {
    const tenantId = b.tenantId; // already has one province admin
    for (let i = 0; i < 2; i += 1) expect((await call(app, ministry, 'POST', `/api/tenants/${tenantId}/province-admins`, appointee())).status).toBe(201);
    const fourth = await call(app, ministry, 'POST', `/api/tenants/${tenantId}/province-admins`, appointee());
    expect(fourth.status).toBe(409);
    expect(await problemDetail(fourth)).toContain('đủ 3 tài khoản quản trị tỉnh');
  });

  it('holds under ten simultaneous appointments', async () => {
    const tenantId = await createTenant(inject('ownerDatabaseUrl'));
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => call(app, ministry, 'POST', `/api/tenants/${tenantId}/province-admins`, appointee()).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const admin = postgres(inject('adminDatabaseUrl'), { max: 1 });
    const [count] = await admin<
      { n: number }[]
    >`select count(*)::int as n from role_assignments where tenant_id = ${tenantId} and role = 'province_admin' and revoked_at is null`;
    await admin.end();
    expect(count?.n).toBe(3);
  });
});
