import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

export const RemoveIntakeRoutingRule = v.object({ id: v.pipe(v.string(), v.uuid()) });
export type RemoveIntakeRoutingRule = v.InferOutput<typeof RemoveIntakeRoutingRule>;

/** Removes a routing rule; dossiers already routed keep their unit. */
export async function removeIntakeRoutingRule({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: RemoveIntakeRoutingRule }) {
  assertCan(ctx, 'manage', 'ProcedureSetting', { tenantId });
  const { id } = parseInput(RemoveIntakeRoutingRule, input);
  const r = schema.intakeRoutingRules;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [row] = await tx
      .delete(r)
      .where(and(eq(r.tenantId, tenantId), eq(r.id, id)))
      .returning();
    if (!row) throw notFound({ vi: 'Không tìm thấy quy tắc điều chuyển.', en: 'Routing rule not found.' });
    const details = { procedureCode: row.procedureCode, communeCode: row.communeCode, competentUnitId: row.competentUnitId };
    await audit(tx, ctx, { tenantId, action: 'intake_routing_rule.removed', subjectType: 'intake_routing_rule', subjectId: id, details });
    return { id };
  });
}
