import { schema, withTenant } from '@gov/db';
import { asc, eq } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/** The procedures a province has configured, active or suspended. */
export async function listProcedureSettings({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCan(ctx, 'read', 'ProcedureSetting', { tenantId });
  const s = schema.procedureSettings;
  return withTenant(ctx.sql, tenantId, (tx) => tx.select().from(s).where(eq(s.tenantId, tenantId)).orderBy(asc(s.procedureCode)));
}
