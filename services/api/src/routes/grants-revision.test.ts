import postgres from 'postgres';
import { schema } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from '../app.js';
import { createTestDeps } from '../test-deps.js';
import { ANY_REVISION, buildTenantWorld, call, signIn, type Session, type TenantWorld } from '../testing/world.js';

// An officer's grants are kept between requests under their access revision (migration 0072):
// these check that no way of changing a role assignment leaves a request on the old grants.
const { deps, close } = createTestDeps();
const app = createApp(deps);
let world: TenantWorld;
let admin: postgres.Sql;
let provinceAdmin: Session;
let unitAdmin: Session;
let unitAdminId: string;

const listUsers = (session: Session) => call(app, session, 'GET', `/api/tenants/${world.tenantId}/users`);

beforeAll(async () => {
  // A superuser: row-level security does not hide rows from it, as from a script run by an operator.
  admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
  world = await buildTenantWorld(deps.db, deps.sql, inject('ownerDatabaseUrl'));
  provinceAdmin = await signIn(app, world.logins.province_admin);
  unitAdmin = await signIn(app, world.logins.unit_admin);
  unitAdminId = (await deps.db.select().from(schema.users).where(eq(schema.users.login, world.logins.unit_admin)))[0]!.id;
});
afterAll(async () => {
  await admin.end();
  await close();
});

describe("an officer's grants, kept between requests", () => {
  it('stop at once when the role is revoked through the API, and come back with a new grant', async () => {
    expect((await listUsers(unitAdmin)).status).toBe(200);
    expect((await listUsers(unitAdmin)).status).toBe(200); // the second request is served from what was kept
    const [assignment] = await admin<{ id: string }[]>`
      select id from role_assignments where tenant_id = ${world.tenantId} and user_id = ${unitAdminId} and revoked_at is null`;
    const revoked = await call(
      app,
      provinceAdmin,
      'POST',
      `/api/tenants/${world.tenantId}/role-assignments/${assignment!.id}/revoke`,
      { reason: 'Điều động công tác' },
      ANY_REVISION,
    );
    expect(revoked.status).toBe(200);
    // A role change through the API also ends the user's sessions; signed in again, the role is gone.
    expect((await listUsers(unitAdmin)).status).toBe(401);
    unitAdmin = await signIn(app, world.logins.unit_admin);
    expect((await listUsers(unitAdmin)).status).toBe(403);

    const granted = await call(app, provinceAdmin, 'POST', `/api/tenants/${world.tenantId}/role-assignments`, {
      userId: unitAdminId,
      role: 'unit_admin',
      orgUnitId: world.wardId,
      reason: 'Phân công lại',
    });
    expect(granted.status).toBe(201);
    unitAdmin = await signIn(app, world.logins.unit_admin);
    expect((await listUsers(unitAdmin)).status).toBe(200);
  });

  it('stop at once when a role assignment changes outside the API (a script, a restore), row by row', async () => {
    // Such a change leaves the sessions open: only the revision tells the API.
    unitAdmin = await signIn(app, world.logins.unit_admin);
    expect((await listUsers(unitAdmin)).status).toBe(200);
    await admin`update role_assignments set revoked_at = now() where tenant_id = ${world.tenantId} and user_id = ${unitAdminId} and revoked_at is null`;
    expect((await listUsers(unitAdmin)).status).toBe(403);
    await admin`update role_assignments set revoked_at = null where tenant_id = ${world.tenantId} and user_id = ${unitAdminId} and role = 'unit_admin'`;
    expect((await listUsers(unitAdmin)).status).toBe(200);
    await admin`delete from role_assignments where tenant_id = ${world.tenantId} and user_id = ${unitAdminId}`;
    expect((await listUsers(unitAdmin)).status).toBe(403);
  });

  it('gives every change a new revision, also a truncate and a unit moved under another', async () => {
    const revision = async (userId: string) => (await admin<{ r: string }[]>`select access_revision::text as r from users where id = ${userId}`)[0]!.r;
    const [leader] = await deps.db.select().from(schema.users).where(eq(schema.users.login, world.logins.leader));
    const before = await revision(leader!.id);
    // The ward becomes a root and back: the leader's grant there changes meaning twice.
    await admin`update org_units set parent_id = null where tenant_id = ${world.tenantId} and id = ${world.wardId}`;
    const moved = await revision(leader!.id);
    expect(moved).not.toBe(before);
    await admin`update org_units set parent_id = ${world.rootId} where tenant_id = ${world.tenantId} and id = ${world.wardId}`;
    expect(await revision(leader!.id)).not.toBe(moved);
    // A rename is not a change of access.
    const renamed = await revision(leader!.id);
    await admin`update org_units set name = 'Phường Ba Đình' where tenant_id = ${world.tenantId} and id = ${world.wardId}`;
    expect(await revision(leader!.id)).toBe(renamed);

    // Truncating the table (rolled back, so no other test sees it empty) renews every officer's.
    const held = await deps.db
      .select()
      .from(schema.users)
      .where(and(eq(schema.users.homeTenantId, world.tenantId), eq(schema.users.kind, 'officer')));
    const revisionsIn = (tx: postgres.TransactionSql) =>
      tx<{ id: string; r: string }[]>`select id, access_revision::text as r from users where id = any(${held.map((u) => u.id)}::uuid[]) order by id`;
    await admin
      .begin(async (tx) => {
        const before = await revisionsIn(tx);
        await tx`truncate role_assignments`;
        const after = await revisionsIn(tx);
        expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
        after.forEach((row, i) => expect(row.r).not.toBe(before[i]!.r));
        throw new Error('rolled back');
      })
      .catch((error: Error) => expect(error.message).toBe('rolled back'));
  });
});
