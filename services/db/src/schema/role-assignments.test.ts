import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { databaseBefore, type DatabaseBefore } from '../testing/database-before.js';

// 0024 against accounts deactivated before deactivation ended admin roles: a throwaway database
// is migrated up to 0023, given a full province (three admin seats, one held by a deactivated
// account) as the old code left it, then migrated to the end.
const MIGRATION = '0024_end-admin-roles-of-disabled-accounts';
let db: DatabaseBefore;
let admin: postgres.Sql;

beforeAll(async () => {
  db = await databaseBefore(MIGRATION, { databaseUrl: inject('databaseUrl'), adminDatabaseUrl: inject('adminDatabaseUrl') });
  admin = db.admin;
});
afterAll(() => db?.drop());

describe('0024 frees the seats of deactivated admins', () => {
  it('ends admin roles of disabled accounts only, and keeps their work roles', async () => {
    const [tenantId, rootId] = [randomUUID(), randomUUID()];
    await admin`insert into tenants (id, code, name, full_name, kind) values (${tenantId}, ${`T${tenantId.slice(0, 8)}`}, 'Tỉnh cũ', 'Tỉnh cũ', 'province')`;
    await admin`insert into org_units (tenant_id, id, path, code, name, kind) values (${tenantId}, ${rootId}, ${[rootId]}, 'ROOT', 'UBND tỉnh', 'people_committee')`;
    const officer = async (status: 'active' | 'disabled', roles: string[]) => {
      const [user] = await admin<
        { id: string }[]
      >`insert into users (login, kind, status, display_name, home_tenant_id) values (${`u-${randomUUID()}`}, 'officer', ${status}, 'Cán bộ', ${tenantId}) returning id`;
      await admin`insert into tenant_users (tenant_id, user_id, full_name, org_unit_id, active) values (${tenantId}, ${user!.id}, 'Cán bộ', ${rootId}, ${status === 'active'})`;
      for (const role of roles)
        await admin`insert into role_assignments (tenant_id, user_id, role, org_unit_id) values (${tenantId}, ${user!.id}, ${role}, ${rootId})`;
      return user!.id;
    };
    const gone = await officer('disabled', ['province_admin', 'leader']);
    const kept = [await officer('active', ['province_admin']), await officer('active', ['province_admin'])];
    await db.migrateRest();
    const rows = await admin<{ userId: string; role: string; revoked: boolean }[]>`
      select user_id::text as "userId", role::text as role, revoked_at is not null as revoked from role_assignments where tenant_id = ${tenantId} order by role, user_id`;
    expect(rows.filter((r) => r.revoked)).toEqual([{ userId: gone, role: 'province_admin', revoked: true }]);
    expect(
      rows
        .filter((r) => !r.revoked)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([gone, ...kept].sort());
  });
});
