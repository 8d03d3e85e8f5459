import { schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { invalid } from '@gov/domain';
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
});
export type UpdateOrgUnit = v.InferOutput<typeof UpdateOrgUnit>;

/** Renames or (de)activates a unit; each changed field is checked (unit admins may do both). */
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
  if (data.name === undefined && data.active === undefined) {
    throw invalid(
      { vi: 'Chưa có thay đổi nào: gửi tên mới hoặc trạng thái hoạt động.', en: 'Nothing to change: send a new name or the active flag.' },
      { fields: [{ path: '', problem: 'name or active is required' }] },
    );
  }
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const unit = await loadUnit(tx, tenantId, unitId);
    for (const field of Object.keys(data)) assertCan(ctx, 'update', 'OrgUnit', atUnit(tenantId, unit.path), field);
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
