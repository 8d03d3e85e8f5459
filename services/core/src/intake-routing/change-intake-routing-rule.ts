import { schema, withTenant } from '@gov/db';
import { conflict, invalid, notFound } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { pgError } from '../pg-error.js';
import { AddIntakeRoutingRule } from './add-intake-routing-rule.js';

export const ChangeIntakeRoutingRule = v.object({ id: v.pipe(v.string(), v.uuid('Mã quy tắc không hợp lệ')), ...AddIntakeRoutingRule.entries });
export type ChangeIntakeRoutingRule = v.InferOutput<typeof ChangeIntakeRoutingRule>;

/**
 * Changes a routing rule of jurisdiction-free intake (docs/domain/jurisdiction-free-intake.md):
 * its procedure, commune or competent unit. The rule keeps its id; the old row is removed and the
 * new one written in one transaction (rules are never updated in place, so the app holds no
 * UPDATE right on them), with one audit record of both. Dossiers already routed keep their unit.
 */
export async function changeIntakeRoutingRule({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ChangeIntakeRoutingRule }) {
  assertCan(ctx, 'manage', 'ProcedureSetting', { tenantId });
  const data = parseInput(ChangeIntakeRoutingRule, input);
  const u = schema.orgUnits;
  const r = schema.intakeRoutingRules;
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const [unit] = await tx
      .select({ id: u.id })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), eq(u.id, data.competentUnitId), eq(u.active, true)));
    if (!unit)
      throw invalid({ vi: 'Đơn vị có thẩm quyền phải là đơn vị đang hoạt động của tỉnh.', en: 'The competent unit must be an active unit of this province.' });
    const [old] = await tx
      .delete(r)
      .where(and(eq(r.tenantId, tenantId), eq(r.id, data.id)))
      .returning();
    if (!old) throw notFound({ vi: 'Không tìm thấy quy tắc điều chuyển.', en: 'Routing rule not found.' });
    try {
      const [row] = await tx
        .insert(r)
        .values({
          tenantId,
          id: data.id,
          procedureCode: data.procedureCode ?? null,
          communeCode: data.communeCode ?? null,
          competentUnitId: data.competentUnitId,
          createdBy: ctx.actor!.userId,
        })
        .returning();
      const before = { procedureCode: old.procedureCode, communeCode: old.communeCode, competentUnitId: old.competentUnitId };
      const after = { procedureCode: row!.procedureCode, communeCode: row!.communeCode, competentUnitId: row!.competentUnitId };
      await audit(tx, ctx, {
        tenantId,
        action: 'intake_routing_rule.changed',
        subjectType: 'intake_routing_rule',
        subjectId: data.id,
        details: { before, after },
      });
      return row!;
    } catch (error) {
      if (pgError(error)?.constraint_name === 'intake_routing_rules_key') {
        throw conflict({
          vi: 'Đã có quy tắc khác cho thủ tục và xã, phường này; hãy sửa hoặc xóa quy tắc đó.',
          en: 'Another rule for this procedure and commune exists; change or remove that one.',
        });
      }
      throw error;
    }
  });
}
