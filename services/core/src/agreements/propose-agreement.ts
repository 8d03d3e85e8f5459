import { randomUUID } from 'node:crypto';
import { schema, withTenant, withTenantPair } from '@gov/db';
import { invalid, notFound, ProcedureCode, WORKING_HOURS_PER_DAY } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';

const UnitIds = v.pipe(v.array(v.pipe(v.string(), v.uuid('Mã đơn vị không hợp lệ'))), v.minLength(1, 'Chọn ít nhất một đơn vị'), v.maxLength(200));

export const ProposeAgreement = v.object({
  targetTenantId: v.pipe(v.string(), v.uuid('Mã tỉnh không hợp lệ')),
  procedureCode: ProcedureCode,
  sourceUnitIds: UnitIds,
  targetUnitIds: UnitIds,
  /** The receiving province's time budget for its steps, in working hours. */
  allottedWorkingHours: v.pipe(v.number(), v.integer(), v.minValue(1, 'Thời gian phải ít nhất 1 giờ làm việc'), v.maxValue(WORKING_HOURS_PER_DAY * 365)),
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000))),
});
export type ProposeAgreement = v.InferOutput<typeof ProposeAgreement>;

/** Active unit ids of a province among `ids`, read in that province's own tenant context. */
async function activeUnits(ctx: ServiceContext, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  const u = schema.orgUnits;
  const rows = await withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({ id: u.id })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), eq(u.active, true), inArray(u.id, [...ids]))),
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Đề xuất quy chế phối hợp: this province's admin proposes to another province to hand over
 * dossiers of one procedure from some of its units to some of the other's, within a time budget
 * (docs/domain/lien-thong.md). Both provinces get their copy, status `proposed`, and an audit
 * row; nothing may be handed over until the other province accepts.
 */
export async function proposeAgreement({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: ProposeAgreement }) {
  assertCan(ctx, 'publish', 'ProcessDefinition', { tenantId });
  const data = parseInput(ProposeAgreement, input);
  if (data.targetTenantId === tenantId) {
    throw invalid({ vi: 'Quy chế phối hợp phải với một tỉnh khác.', en: 'An agreement is made with another province.' });
  }
  const t = schema.tenants;
  const [target] = await ctx.db.select({ id: t.id, kind: t.kind }).from(t).where(eq(t.id, data.targetTenantId));
  if (!target || (target.kind !== 'province' && target.kind !== 'municipality')) {
    throw notFound({ vi: 'Không tìm thấy tỉnh nhận liên thông.', en: 'Province not found.' });
  }
  const [own, theirs] = [await activeUnits(ctx, tenantId, data.sourceUnitIds), await activeUnits(ctx, data.targetTenantId, data.targetUnitIds)];
  if (data.sourceUnitIds.some((id) => !own.has(id))) {
    throw invalid({ vi: 'Đơn vị gửi phải là đơn vị đang hoạt động của tỉnh mình.', en: 'Sending units must be active units of this province.' });
  }
  if (data.targetUnitIds.some((id) => !theirs.has(id))) {
    throw invalid({ vi: 'Đơn vị nhận phải là đơn vị đang hoạt động của tỉnh nhận.', en: 'Receiving units must be active units of the other province.' });
  }
  const s = schema.procedureSettings;
  const id = randomUUID();
  const values = {
    id,
    sourceTenantId: tenantId,
    targetTenantId: data.targetTenantId,
    procedureCode: data.procedureCode,
    sourceUnitIds: [...new Set(data.sourceUnitIds)],
    targetUnitIds: [...new Set(data.targetUnitIds)],
    allottedWorkingHours: data.allottedWorkingHours,
    note: data.note ?? null,
    status: 'proposed' as const,
    proposedBy: ctx.actor!.userId,
  };
  const details = {
    procedureCode: data.procedureCode,
    sourceTenantId: tenantId,
    targetTenantId: data.targetTenantId,
    allottedWorkingHours: data.allottedWorkingHours,
  };
  return withTenantPair(ctx.sql, tenantId, async (tx, switchTo) => {
    const [setting] = await tx
      .select({ code: s.procedureCode })
      .from(s)
      .where(and(eq(s.tenantId, tenantId), eq(s.procedureCode, data.procedureCode), eq(s.active, true)));
    if (!setting) {
      throw invalid({ vi: `Tỉnh chưa kích hoạt thủ tục ${data.procedureCode}.`, en: `Procedure ${data.procedureCode} is not active in this province.` });
    }
    const [row] = await tx
      .insert(schema.handOverAgreements)
      .values({ ...values, tenantId, party: 'source' })
      .returning();
    await audit(tx, ctx, { tenantId, action: 'hand_over_agreement.proposed', subjectType: 'hand_over_agreement', subjectId: id, details });
    await switchTo(data.targetTenantId);
    await tx.insert(schema.handOverAgreements).values({ ...values, tenantId: data.targetTenantId, party: 'target' });
    await audit(tx, ctx, { tenantId: data.targetTenantId, action: 'hand_over_agreement.proposed', subjectType: 'hand_over_agreement', subjectId: id, details });
    return row!;
  });
}
