import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDb } from './client.js';
import { dossiers } from './schema/index.js';
import { searchPrefix } from './search.js';
import { createTenantFixture, type TenantFixture } from './testing/fixtures.js';
import { withTenant } from './tenant/with-tenant.js';

const { sql } = createDb(inject('databaseUrl'), { max: 2 });
let t: TenantFixture;

beforeAll(async () => {
  t = await createTenantFixture({ sql, ownerUrl: inject('ownerDatabaseUrl'), applicantName: 'Nguyễn Văn A' });
  await withTenant(sql, t.tenantId, (tx) =>
    tx.insert(dossiers).values(
      // Other applicants, so the search range is selective and the planner's choice is meaningful.
      [...Array.from({ length: 300 }, (_, i) => `Lê Thị Người ${i}`), 'Nguyễn Văn An', 'Trần Văn A', 'Ngô Thị Nguyệt', 'Nguyễn  Văn   Ánh'].map(
        (applicantName) => ({
          tenantId: t.tenantId,
          code: `S-${randomUUID().slice(0, 8)}`,
          procedureId: t.procedureId,
          channel: 'online' as const,
          receivingUnitId: t.unitId,
          currentUnitId: t.unitId,
          applicantName,
          nationalStatus: 2,
          localStatus: 'received',
          receivedAt: new Date(),
        }),
      ),
    ),
  );
  const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
  await admin`analyze dossiers`.finally(() => admin.end());
});

afterAll(() => sql.end({ timeout: 1 }));

const names = (term: string) =>
  withTenant(sql, t.tenantId, (tx) =>
    tx
      .select({ name: dossiers.applicantName })
      .from(dossiers)
      .where(and(eq(dossiers.tenantId, t.tenantId), searchPrefix(dossiers.applicantNameSearch, term)))
      .orderBy(dossiers.applicantName),
  ).then((rows) => rows.map((r) => r.name));

describe('Vietnamese name search under RLS', () => {
  it('finds "Nguyễn Văn A" from "nguyen van a", without accents or case', async () => {
    expect(await names('nguyen van a')).toEqual(['Nguyễn  Văn   Ánh', 'Nguyễn Văn A', 'Nguyễn Văn An']);
    expect(await names('NGUYỄN văn an')).toEqual(['Nguyễn  Văn   Ánh', 'Nguyễn Văn An']);
    expect(await names('nguyen van anh')).toEqual(['Nguyễn  Văn   Ánh']);
    expect(await names('ngo thi nguyet')).toEqual(['Ngô Thị Nguyệt']);
    expect(await names('pham')).toEqual([]);
    expect(await names('le thi nguoi 299')).toEqual(['Lê Thị Người 299']);
  });

  it('uses the search index inside a tenant transaction (as the app role, RLS applied)', async () => {
    const plan = await withTenant(sql, t.tenantId, async (tx) => {
      // Planner statistics on a tiny table favour a scan; forbidding it proves the index is usable
      // at all under RLS, which is what a non-leakproof predicate would prevent.
      await tx.$client`set local enable_seqscan = off`;
      const query = tx.select({ id: dossiers.id }).from(dossiers).where(searchPrefix(dossiers.applicantNameSearch, 'nguyen van a')).toSQL();
      const rows = await tx.$client.unsafe<{ 'QUERY PLAN': string }[]>(`explain ${query.sql}`, query.params as string[]);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan using dossiers_applicant_search_idx|Bitmap Index Scan on dossiers_applicant_search_idx/);
  });
});
