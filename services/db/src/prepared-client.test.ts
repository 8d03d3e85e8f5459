import { eq, sql as raw } from 'drizzle-orm';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { createDb } from './client.js';
import { orgUnits, users } from './schema/index.js';
import { withTenant } from './tenant/with-tenant.js';
import { createTenantFixture } from './testing/fixtures.js';

// One connection, so the statements prepared by one query are visible to the next.
const { db, sql } = createDb(inject('databaseUrl'), { max: 1 });

afterAll(() => sql.end({ timeout: 1 }));

/** Named statements this session holds whose text contains `fragment` (unnamed ones never show). */
const preparedLike = (fragment: string) =>
  sql<{ n: number }[]>`select count(*)::int as n from pg_prepared_statements where statement like ${`%${fragment}%`}`.then(([row]) => row!.n);

/**
 * Without preparedByDefault, drizzle sends every query unnamed and postgres.js describes it before
 * binding it: two round trips a query. A prepared statement shows in pg_prepared_statements.
 */
describe('drizzle queries are prepared statements', () => {
  it('on the pool', async () => {
    await db.select({ id: users.id }).from(users).where(eq(users.login, 'nobody-prepared-pool'));
    expect(await preparedLike(`where "users"."login" = $1`)).toBe(1);
  });

  it('in a tenant transaction, prepared once and reused', async () => {
    const tenant = await createTenantFixture({ sql, ownerUrl: inject('ownerDatabaseUrl') });
    const read = () => withTenant(sql, tenant.tenantId, (tx) => tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, tenant.unitId)));
    expect(await read()).toEqual([{ id: tenant.unitId }]);
    expect(await read()).toEqual([{ id: tenant.unitId }]);
    expect(await preparedLike(`where "org_units"."id" = $1`)).toBe(1);
  });

  it('in a drizzle transaction', async () => {
    await db.transaction((tx) => tx.execute(raw`select ${'prepared-in-transaction'}::text as marker`));
    expect(await preparedLike('as marker')).toBe(1);
  });
});
