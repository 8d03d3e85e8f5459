import { schema, withTenant } from '@gov/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { contactColumns } from '../org-units/contact-columns.js';

/**
 * The units of a province that receive at least one active procedure (the one-stop desks a
 * citizen can file with), for the portal's unit filter and where-to-go. Names, codes and the desks' public contact details only
 * (docs/domain/platform-and-tenants.md#what-is-public-about-a-unit).
 */
export async function listReceivingUnits({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCan(ctx, 'read', 'Procedure');
  const { procedureSettings: s, orgUnits: u } = schema;
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ id: u.id, code: u.code, name: u.name, ...contactColumns })
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
