import { randomUUID } from 'node:crypto';
import { schema, withTenant } from '@gov/db';
import { conflict, invalid } from '@gov/domain';
import * as v from 'valibot';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import { parseInput } from '../parse-input.js';
import type { ServiceContext } from '../context.js';
import { atUnit, loadUnit } from './load-unit.js';

export const OrgUnitCode = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-Z0-9][A-Z0-9.-]{1,29}$/, 'Mã đơn vị gồm 2–30 chữ in hoa, số, dấu chấm hoặc gạch ngang'),
);

export const CreateOrgUnit = v.object({
  parentId: v.pipe(v.string(), v.uuid()),
  code: OrgUnitCode,
  name: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(200)),
  kind: v.picklist(['department', 'office', 'service_centre', 'commune_one_stop', 'school', 'other']),
  adminUnitId: v.optional(v.pipe(v.string(), v.uuid())),
});
export type CreateOrgUnit = v.InferOutput<typeof CreateOrgUnit>;

/** Adds a unit under an existing one (the province root is made with the tenant). */
export async function createOrgUnit({ ctx, tenantId, input }: { ctx: ServiceContext; tenantId: string; input: CreateOrgUnit }) {
  assertCanInTenant(ctx, 'create', 'OrgUnit', tenantId);
  const data = parseInput(CreateOrgUnit, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const parent = await loadUnit(tx, tenantId, data.parentId);
    if (!parent.active) throw invalid({ vi: 'Đơn vị cấp trên đã ngừng hoạt động.', en: 'The parent unit is deactivated.' });
    const id = randomUUID();
    const path = [...parent.path, id];
    assertCan(ctx, 'create', 'OrgUnit', atUnit(tenantId, path));
    const [unit] = await tx
      .insert(schema.orgUnits)
      .values({ tenantId, id, parentId: parent.id, path, code: data.code, name: data.name, kind: data.kind, adminUnitId: data.adminUnitId })
      .onConflictDoNothing()
      .returning();
    if (!unit) throw conflict({ vi: `Mã đơn vị ${data.code} đã được dùng trong tỉnh.`, en: `Unit code ${data.code} is already used in this province.` });
    await audit(tx, ctx, {
      tenantId,
      action: 'org_unit.created',
      subjectType: 'org_unit',
      subjectId: id,
      details: { code: data.code, name: data.name, parentId: parent.id },
    });
    return unit;
  });
}
