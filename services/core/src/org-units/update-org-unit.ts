import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { invalid, UnitContact } from '@gov/domain';
import * as v from 'valibot';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { parseInput } from '../parse-input.js';
import { atUnit, loadUnit } from './load-unit.js';

export const UpdateOrgUnit = v.object({
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(200))),
  active: v.optional(v.boolean()),
  ...UnitContact.entries,
});
export type UpdateOrgUnit = v.InferOutput<typeof UpdateOrgUnit>;

/**
 * Renames or (de)activates a unit, or changes its public contact details; each changed field is
 * checked (unit admins may change all of them in their subtree).
 */
export async function updateOrgUnit({
  ctx,
  tenantId,
  unitId,
  ifMatch,
  input,
}: {
  ctx: ServiceContext;
  tenantId: string;
  unitId: string;
  ifMatch: IfMatch;
  input: UpdateOrgUnit;
}) {
  assertCanInTenant(ctx, 'update', 'OrgUnit', tenantId);
  const data = parseInput(UpdateOrgUnit, input);
  if (Object.values(data).every((value) => value === undefined)) {
    throw invalid(
      {
        vi: 'Chưa có thay đổi nào: gửi tên mới, trạng thái hoạt động hoặc thông tin liên hệ.',
        en: 'Nothing to change: send a new name, the active flag or contact details.',
      },
      { fields: [{ path: '', problem: 'name, active or a contact field is required' }] },
    );
  }
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const unit = await loadUnit(tx, tenantId, unitId);
    for (const [field, value] of Object.entries(data)) if (value !== undefined) assertCan(ctx, 'update', 'OrgUnit', atUnit(tenantId, unit.path), field);
    const [updated] = await tx
      .update(schema.orgUnits)
      .set(data)
      .where(and(eq(schema.orgUnits.tenantId, tenantId), eq(schema.orgUnits.id, unitId)))
      .returning();
    // loadUnit found it in this transaction and units are never deleted.
    assertBasedOn(ifMatch, updated!);
    await audit(tx, ctx, {
      tenantId,
      action: data.active === false ? 'org_unit.deactivated' : 'org_unit.updated',
      subjectType: 'org_unit',
      subjectId: unitId,
      details: data,
    });
    return updated!;
  });
}
