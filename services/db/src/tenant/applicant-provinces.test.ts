import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDb } from '../client.js';
import { applicantProvinces, users } from '../schema/index.js';
import { createTenant } from '../testing/fixtures.js';
import { withTenant, withUser } from './with-tenant.js';

// Where each citizen filed: through the app role, a citizen reads only their own rows, an
// officer's transaction only its province's, and nothing without either setting.
const { db, sql } = createDb(inject('databaseUrl'), { max: 2 });
let north: string;
let south: string;
let an: string;
let binh: string;

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [north, south] = await Promise.all([createTenant(ownerUrl), createTenant(ownerUrl)]);
  const citizen = async () =>
    (
      await db
        .insert(users)
        .values({ login: `cd-${randomUUID()}`, kind: 'citizen', displayName: 'Công dân' })
        .returning()
    )[0]!.id;
  [an, binh] = [await citizen(), await citizen()];
  for (const [tenantId, userId] of [
    [north, an],
    [south, an],
    [north, binh],
  ] as const) {
    await withTenant(sql, tenantId, (tx) => tx.insert(applicantProvinces).values({ tenantId, userId, firstFiledAt: new Date() }));
  }
});
afterAll(() => sql.end({ timeout: 1 }));

const everyRow = (tx: Parameters<Parameters<typeof withUser>[2]>[0]) =>
  tx.select({ tenantId: applicantProvinces.tenantId, userId: applicantProvinces.userId }).from(applicantProvinces);

describe('applicant_provinces under row-level security', () => {
  it('a citizen reads only their own rows, even asking for all', async () => {
    const rows = await withUser(sql, binh, everyRow);
    expect(rows).toEqual([{ tenantId: north, userId: binh }]);
    const theirs = await withUser(sql, an, everyRow);
    expect(theirs.map((r) => r.userId)).toEqual([an, an]);
  });

  it("an officer's transaction reads only its province's rows", async () => {
    const rows = await withTenant(sql, south, everyRow);
    expect(rows).toEqual([{ tenantId: south, userId: an }]);
  });

  it('nothing is visible without a setting, and a citizen cannot add rows', async () => {
    expect(await db.select().from(applicantProvinces)).toEqual([]);
    const insert = withUser(sql, binh, (tx) => tx.insert(applicantProvinces).values({ tenantId: south, userId: binh, firstFiledAt: new Date() }));
    // The citizen's transaction is read only; the intake adds rows inside the province's.
    await expect(insert).rejects.toMatchObject({ cause: { code: '25006' } });
  });
});
