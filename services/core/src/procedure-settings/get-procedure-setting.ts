import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/** One procedure's setting in a province; 404 when the province never activated it. */
export async function getProcedureSetting({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: { procedureCode: string } }) {
  assertCan(ctx, 'read', 'ProcedureSetting', { tenantId });
  const s = schema.procedureSettings;
  const [row] = await withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select()
      .from(s)
      .where(and(eq(s.tenantId, tenantId), eq(s.procedureCode, input.procedureCode))),
  );
  if (!row)
    throw notFound({ vi: `Tỉnh chưa kích hoạt thủ tục ${input.procedureCode}.`, en: `Procedure ${input.procedureCode} is not activated in this province.` });
  return row;
}
