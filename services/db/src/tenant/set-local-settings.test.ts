import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDb } from '../client.js';
import { createTenantFixture, type TenantFixture } from '../testing/fixtures.js';
import { useSetLocalSettings, withTenant, withTenantAsUser, withUser } from './with-tenant.js';

/**
 * The Citus form of the tenant setting (SET LOCAL, docs/operations/citus.md) on one server: the
 * same isolation as set_config, and nothing left on the pooled connection after the transaction.
 */
const pool = createDb(inject('databaseUrl'), { max: 1 });
useSetLocalSettings(pool.sql);
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [a, b] = [await createTenantFixture({ sql: pool.sql, ownerUrl }), await createTenantFixture({ sql: pool.sql, ownerUrl })];
});

afterAll(() => pool.sql.end({ timeout: 1 }));

describe('tenant settings made with SET LOCAL', () => {
  it('a tenant reads only its own rows, and the next one only its own', async () => {
    const ids = (tenantId: string) => withTenant(pool.sql, tenantId, (tx) => tx.$client<{ tenant_id: string }[]>`select distinct tenant_id from dossiers`);
    expect((await ids(a.tenantId)).map((r) => r.tenant_id)).toEqual([a.tenantId]);
    expect((await ids(b.tenantId)).map((r) => r.tenant_id)).toEqual([b.tenantId]);
  });

  it('leaves nothing on the connection after the transaction', async () => {
    await withTenant(pool.sql, a.tenantId, (tx) => tx.$client`select 1`);
    const [row] = await pool.sql<{ n: number; v: string | null }[]>`select count(*)::int as n, current_setting('app.tenant_id', true) as v from dossiers`;
    expect(row).toEqual({ n: 0, v: '' });
  });

  it('sets the user beside the tenant, and the user alone', async () => {
    const both = await withTenantAsUser(
      pool.sql,
      a.tenantId,
      a.userId,
      (tx) => tx.$client<{ t: string; u: string }[]>`select current_setting('app.tenant_id') as t, current_setting('app.user_id') as u`,
    );
    expect(both[0]).toEqual({ t: a.tenantId, u: a.userId });
    const own = await withUser(pool.sql, b.userId, (tx) => tx.$client<{ tenant_id: string }[]>`select tenant_id from applicant_provinces`);
    expect(own.map((r) => r.tenant_id)).toEqual([b.tenantId]);
  });

  it('refuses what is not a UUID before anything is sent', async () => {
    await expect(withTenant(pool.sql, "x'; reset role; --", () => Promise.resolve())).rejects.toThrow(TypeError);
  });
});
