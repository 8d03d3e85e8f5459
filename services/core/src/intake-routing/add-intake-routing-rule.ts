import { schema, withTenant } from '@gov/db';
import { conflict, invalid, ProcedureCode } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { pgError } from '../pg-error.js';

export const AddIntakeRoutingRule = v.object({
  /** Omitted: the rule applies to every jurisdiction-free procedure of the province. */
  procedureCode: v.optional(ProcedureCode),
  /** Omitted: the default rule. */
  communeCode: v.optional(v.pipe(v.string(), v.regex(/^[0-9]{3,6}$/, 'Mã xã, phường gồm 3–6 chữ số'))),
  competentUnitId: v.pipe(v.string(), v.uuid('Mã đơn vị không hợp lệ')),
});
export type AddIntakeRoutingRule = v.InferOutput<typeof AddIntakeRoutingRule>;

/**
 * A routing rule of jurisdiction-free intake (docs/domain/jurisdiction-free-intake.md): dossiers
 * of the applicant's commune (or, without one, every other) go to this competent unit.
 */
export async function addIntakeRoutingRule({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: AddIntakeRoutingRule }) {
  assertCan(ctx, 'manage', 'ProcedureSetting', { tenantId });
  const data = parseInput(AddIntakeRoutingRule, input);
  const u = schema.orgUnits;
  const r = schema.intakeRoutingRules;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [unit] = await tx
      .select({ id: u.id })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), eq(u.id, data.competentUnitId), eq(u.active, true)));
    if (!unit)
      throw invalid({ vi: 'Đơn vị có thẩm quyền phải là đơn vị đang hoạt động của tỉnh.', en: 'The competent unit must be an active unit of this province.' });
    try {
      const [row] = await tx
        .insert(r)
        .values({
          tenantId,
          procedureCode: data.procedureCode ?? null,
          communeCode: data.communeCode ?? null,
          competentUnitId: data.competentUnitId,
          createdBy: ctx.actor!.userId,
        })
        .returning();
      await audit(tx, ctx, { tenantId, action: 'intake_routing_rule.added', subjectType: 'intake_routing_rule', subjectId: row!.id, details: { ...data } });
      return row!;
    } catch (error) {
      if (pgError(error)?.constraint_name === 'intake_routing_rules_key') {
        throw conflict({
          vi: 'Đã có quy tắc cho thủ tục và xã, phường này; hãy xóa quy tắc cũ trước.',
          en: 'A rule for this procedure and commune exists; remove it first.',
        });
      }
      throw error;
    }
  });
}
