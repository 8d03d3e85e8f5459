import { schema, withTenant } from '@gov/db';
import { and, eq, sql } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/**
 * The fields (lĩnh vực) of the procedures a province offers now, with how many in each, for the
 * portal's "browse by field" filter, in Vietnamese alphabetical order (Đ after D, not after Z).
 * Catalog fields only: public.
 */
export async function listOfferedSectors({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCan(ctx, 'read', 'Procedure');
  const { procedureSettings: s, procedures: p } = schema;
  const isLatest = sql`not exists (select 1 from procedures newer where newer.code = ${p.code} and newer.version > ${p.version})`;
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ sector: p.sector, procedures: sql<number>`count(*)`.mapWith(Number) })
      .from(s)
      .innerJoin(p, eq(p.code, s.procedureCode))
      .where(and(eq(s.tenantId, tenantId), eq(s.active, true), isLatest))
      .groupBy(p.sector)
      .orderBy(sql`${p.sector} collate "vi-x-icu"`),
  );
}
