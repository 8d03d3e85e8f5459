import { schema, withTenant } from '@gov/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/**
 * The units of a province that receive at least one active procedure (the one-stop desks a
 * citizen can file with), for the portal's unit filter. Names and codes only: public.
 */
export async function listReceivingUnits({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCan(ctx, 'read', 'Procedure');
  const { procedureSettings: s, orgUnits: u } = schema;
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ id: u.id, code: u.code, name: u.name })
      .from(u)
      .where(
        and(
          eq(u.tenantId, tenantId),
          eq(u.active, true),
          sql`exists (select 1 from ${s} where ${s.tenantId} = ${u.tenantId} and ${s.active} and ${u.id} = any(${s.receivingUnitIds}))`,
        ),
      )
      .orderBy(asc(u.name)),
  );
}
