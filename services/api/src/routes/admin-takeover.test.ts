import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { schema, withTenant } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import type { TenantRole } from '@gov/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { acceptInvitation, newestCodeOf } from '../testing/account-codes.js';
import { ANY_REVISION, buildTenantWorld, call, connEnv, createGlobalUser, PASSWORD, signIn, type Session, type TenantWorld } from '../testing/world.js';

// Every way one admin could take over another's account, tried through the API as an attacker
// would; each was possible before account authority existed.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;
let ministry: Session;
let ministryId: string;

beforeAll(async () => {
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  const login = await createGlobalUser(deps.db, 'ministry_admin');
  ministryId = await userId(login);
  ministry = await signIn(app, login);
});
afterAll(close);

async function userId(login: string): Promise<string> {
  const [user] = await deps.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, login));
  return user!.id;
}

const appointee = () => ({
  login: `qt-${randomUUID().slice(0, 8)}`,
  fullName: 'Trần Văn Quản',
  citizenId: '001199001234',
  position: 'Chuyên viên',
  phone: '0987654321',
  email: 'qt@hanoi.gov.vn',
  reason: 'Công văn đăng ký số 12/UBND',
});

/** The ministry appoints a province admin through the API, who sets PASSWORD with the invitation; their id and login. */
async function appoint(tenantId: string): Promise<{ userId: string; login: string }> {
  const body = appointee();
  const response = await call(app, ministry, 'POST', `/api/tenants/${tenantId}/province-admins`, body);
  expect(response.status).toBe(201);
  await acceptInvitation(app, deps.db, body.login, PASSWORD);
  return { userId: ((await response.json()) as { userId: string }).userId, login: body.login };
}

const codesOf = (userId: string) => deps.db.select().from(schema.oneTimeCodes).where(eq(schema.oneTimeCodes.userId, userId));

/** An officer of the world's province at a unit, holding a role there (written directly, as a fixture). */
async function officerWith(role: TenantRole | null, orgUnitId: string, roleUnitId = orgUnitId): Promise<{ userId: string; login: string }> {
  const login = `cb-${randomUUID().slice(0, 8)}`;
  return withTenant(deps.sql, world.tenantId, async (tx) => {
    const [user] = await tx.insert(schema.users).values({ login, kind: 'officer', homeTenantId: world.tenantId, displayName: login }).returning();
    await tx.insert(schema.tenantUsers).values({ tenantId: world.tenantId, userId: user!.id, fullName: `Cán bộ ${login}`, orgUnitId });
    if (role) await tx.insert(schema.roleAssignments).values({ tenantId: world.tenantId, userId: user!.id, role, orgUnitId: roleUnitId, reason: 'fixture' });
    return { userId: user!.id, login };
  });
}

const signInAs = (login: string, password: string) =>
  app.request(
    '/api/auth/login',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password }) },
    connEnv(`198.51.100.${Math.floor(Math.random() * 250)}`),
  );

async function activeAdminSeats(tenantId: string): Promise<number> {
  const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
  const [row] = await admin<
    { n: number }[]
  >`select count(*)::int as n from role_assignments where tenant_id = ${tenantId} and role = 'province_admin' and revoked_at is null`.finally(() =>
    admin.end(),
  );
  return row!.n;
}

describe('a province admin cannot take over a fellow province admin', () => {
  let attacker: Session;
  let fellow: { userId: string; login: string };
  beforeAll(async () => {
    attacker = await signIn(app, world.logins.province_admin);
    fellow = await appoint(world.tenantId);
  });

  it('cannot reset their password: nothing changes and no code is sent', async () => {
    const reset = await call(app, attacker, 'POST', `/api/tenants/${world.tenantId}/users/${fellow.userId}/reset-password`);
    expect(reset.status).toBe(403);
    expect((await codesOf(fellow.userId)).map((c) => c.purpose)).toEqual(['invitation']);
    expect((await signInAs(fellow.login, PASSWORD)).status).toBe(200);
  });

  it('cannot deactivate them', async () => {
    const response = await call(app, attacker, 'POST', `/api/tenants/${world.tenantId}/users/${fellow.userId}/deactivate`, undefined, ANY_REVISION);
    expect(response.status).toBe(403);
    expect(await activeAdminSeats(world.tenantId)).toBe(2);
  });

  it('cannot change their roles, by granting or by revoking', async () => {
    const grant = await call(app, attacker, 'POST', `/api/tenants/${world.tenantId}/role-assignments`, {
      userId: fellow.userId,
      role: 'leader',
      orgUnitId: world.wardId,
      reason: 'thử chiếm quyền',
    });
    expect(grant.status).toBe(403);
    const [work] = await withTenant(deps.sql, world.tenantId, (tx) =>
      tx
        .insert(schema.roleAssignments)
        .values({ tenantId: world.tenantId, userId: fellow.userId, role: 'leader', orgUnitId: world.wardId, reason: 'fixture' })
        .returning(),
    );
    const revoke = await call(
      app,
      attacker,
      'POST',
      `/api/tenants/${world.tenantId}/role-assignments/${work!.id}/revoke`,
      { reason: 'thử chiếm quyền' },
      ANY_REVISION,
    );
    expect(revoke.status).toBe(403);
  });

  it('cannot act on a ministry account', async () => {
    const reset = await call(app, attacker, 'POST', `/api/tenants/${world.tenantId}/users/${ministryId}/reset-password`);
    expect(reset.status).toBe(403);
    const deactivate = await call(app, attacker, 'POST', `/api/tenants/${world.tenantId}/users/${ministryId}/deactivate`, undefined, ANY_REVISION);
    expect(deactivate.status).toBe(403);
  });

  it("the ministry may reset a province admin's password without learning a code; it is audited", async () => {
    const response = await call(app, ministry, 'POST', `/api/tenants/${world.tenantId}/users/${fellow.userId}/reset-password`);
    expect(response.status).toBe(200);
    const code = await newestCodeOf(deps.db, fellow.login);
    const answer = await response.text();
    expect(JSON.parse(answer)).toEqual({ userId: fellow.userId, codeSentBy: 'email' });
    expect(answer).not.toContain(code);
    expect((await signInAs(fellow.login, PASSWORD)).status).toBe(401);
    const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
    const rows = await admin<{ actor: string; details: unknown }[]>`
      select actor_user_id::text as actor, details from audit_log
      where tenant_id = ${world.tenantId} and action = 'user.password_reset' and subject_id = ${fellow.userId}`.finally(() => admin.end());
    expect(rows.map((r) => r.actor)).toEqual([ministryId]);
    expect(JSON.stringify(rows)).not.toContain(code);
    await acceptInvitation(app, deps.db, fellow.login, PASSWORD);
    expect((await signInAs(fellow.login, PASSWORD)).status).toBe(200);
  });
});

describe('unit admins act only below their own level', () => {
  let unitAdmin: Session;
  beforeAll(async () => {
    unitAdmin = await signIn(app, world.logins.unit_admin);
  });

  it('cannot grant a role at their unit to an officer of another unit', async () => {
    const outsider = await officerWith(null, world.departmentId);
    const response = await call(app, unitAdmin, 'POST', `/api/tenants/${world.tenantId}/role-assignments`, {
      userId: outsider.userId,
      role: 'specialist',
      orgUnitId: world.wardId,
      reason: 'mượn người',
    });
    expect(response.status).toBe(403);
  });

  it('cannot deactivate a fellow unit admin of the same unit, or a province admin', async () => {
    const peer = await officerWith('unit_admin', world.wardId);
    expect((await call(app, unitAdmin, 'POST', `/api/tenants/${world.tenantId}/users/${peer.userId}/deactivate`, undefined, ANY_REVISION)).status).toBe(403);
    const provinceAdmin = await userId(world.logins.province_admin);
    expect((await call(app, unitAdmin, 'POST', `/api/tenants/${world.tenantId}/users/${provinceAdmin}/deactivate`, undefined, ANY_REVISION)).status).toBe(403);
  });

  it('cannot act on an officer of their unit who is an admin elsewhere at their level', async () => {
    const hidden = await officerWith('unit_admin', world.wardTeamId, world.departmentId);
    expect((await call(app, unitAdmin, 'POST', `/api/tenants/${world.tenantId}/users/${hidden.userId}/deactivate`, undefined, ANY_REVISION)).status).toBe(403);
  });

  it('may still manage an admin of a unit below theirs, and plain officers of their subtree', async () => {
    const below = await officerWith('unit_admin', world.wardTeamId);
    expect((await call(app, unitAdmin, 'POST', `/api/tenants/${world.tenantId}/users/${below.userId}/deactivate`, undefined, ANY_REVISION)).status).toBe(200);
    const plain = await officerWith(null, world.wardTeamId);
    expect(
      (
        await call(app, unitAdmin, 'POST', `/api/tenants/${world.tenantId}/role-assignments`, {
          userId: plain.userId,
          role: 'specialist',
          orgUnitId: world.wardTeamId,
          reason: 'Phân công',
        })
      ).status,
    ).toBe(201);
  });
});

describe('the ministry revokes and replaces province admins; the cap of three holds', () => {
  it('a deactivated admin frees their seat, so a replacement is appointed', async () => {
    const tenantId = await createTenant(inject('ownerDatabaseUrl'));
    const [first] = [await appoint(tenantId), await appoint(tenantId), await appoint(tenantId)];
    expect((await call(app, ministry, 'POST', `/api/tenants/${tenantId}/province-admins`, appointee())).status).toBe(409);
    expect((await call(app, ministry, 'POST', `/api/tenants/${tenantId}/users/${first.userId}/deactivate`, undefined, ANY_REVISION)).status).toBe(200);
    expect(await activeAdminSeats(tenantId)).toBe(2);
    await appoint(tenantId);
  });

  it('the ministry revokes a province admin: the seat is free at once, and the account stays', async () => {
    const tenantId = await createTenant(inject('ownerDatabaseUrl'));
    const admins = [await appoint(tenantId), await appoint(tenantId), await appoint(tenantId)];
    const listed = await call(app, ministry, 'GET', `/api/tenants/${tenantId}/province-admins`);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { items: { userId: string }[] }).items.map((a) => a.userId).sort()).toEqual(admins.map((a) => a.userId).sort());
    const revoked = await call(app, ministry, 'POST', `/api/tenants/${tenantId}/province-admins/${admins[0]!.userId}/revoke`, {
      reason: 'Quyết định thu hồi số 5',
    });
    expect(revoked.status).toBe(200);
    expect(await activeAdminSeats(tenantId)).toBe(2);
    await appoint(tenantId);
    expect((await signInAs(admins[0]!.login, PASSWORD)).status).toBe(200);
  });

  it('a province admin cannot revoke a fellow province admin', async () => {
    const tenantId = await createTenant(inject('ownerDatabaseUrl'));
    const [a, b] = [await appoint(tenantId), await appoint(tenantId)];
    const session = await signIn(app, a.login, '203.0.113.30');
    const response = await call(app, session, 'POST', `/api/tenants/${tenantId}/province-admins/${b.userId}/revoke`, { reason: 'thử' });
    expect(response.status).toBe(403);
  });

  it('under five simultaneous appointments for one freed seat, exactly one succeeds', async () => {
    const tenantId = await createTenant(inject('ownerDatabaseUrl'));
    const admins = [await appoint(tenantId), await appoint(tenantId), await appoint(tenantId)];
    expect((await call(app, ministry, 'POST', `/api/tenants/${tenantId}/province-admins/${admins[1]!.userId}/revoke`, { reason: 'Thu hồi' })).status).toBe(200);
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => call(app, ministry, 'POST', `/api/tenants/${tenantId}/province-admins`, appointee()).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await activeAdminSeats(tenantId)).toBe(3);
  });
});

describe('a province admin steps down', () => {
  it('while another admin remains; the last one is refused and keeps the seat', async () => {
    const tenantId = await createTenant(inject('ownerDatabaseUrl'));
    const [a, b] = [await appoint(tenantId), await appoint(tenantId)];
    const [s1, s2] = [await signIn(app, a.login), await signIn(app, b.login)];
    expect((await call(app, s1, 'POST', `/api/tenants/${tenantId}/province-admins/step-down`, { reason: 'Chuyển công tác' })).status).toBe(200);
    expect((await call(app, s2, 'POST', `/api/tenants/${tenantId}/province-admins/step-down`, {})).status).toBe(409);
    expect(await activeAdminSeats(tenantId)).toBe(1);
    // The one who stepped down holds no seat any more, in the same session.
    expect((await call(app, s1, 'GET', `/api/tenants/${tenantId}/role-assignments`)).status).toBe(403);
  });

  it('two last admins stepping down at once: exactly one succeeds', async () => {
    const tenantId = await createTenant(inject('ownerDatabaseUrl'));
    const admins = [await appoint(tenantId), await appoint(tenantId)];
    const sessions: Session[] = [];
    for (const [i, admin] of admins.entries()) sessions.push(await signIn(app, admin.login, `203.0.113.4${i}`));
    const statuses = await Promise.all(
      sessions.map((s) => call(app, s, 'POST', `/api/tenants/${tenantId}/province-admins/step-down`, {}).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    expect(await activeAdminSeats(tenantId)).toBe(1);
  });
});
