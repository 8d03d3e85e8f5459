import { schema, withTenant } from '@gov/db';
import { asc, eq } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/** The province's routing rules for jurisdiction-free intake (docs/domain/jurisdiction-free-intake.md). */
export async function listIntakeRoutingRules({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCan(ctx, 'manage', 'ProcedureSetting', { tenantId });
  const r = schema.intakeRoutingRules;
  const u = schema.orgUnits;
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ id: r.id, procedureCode: r.procedureCode, communeCode: r.communeCode, competentUnitId: r.competentUnitId, competentUnitName: u.name })
      .from(r)
      .innerJoin(u, eq(u.id, r.competentUnitId))
      .where(eq(r.tenantId, tenantId))
      .orderBy(asc(r.procedureCode), asc(r.communeCode)),
  );
}
