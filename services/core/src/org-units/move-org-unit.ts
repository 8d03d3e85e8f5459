import { schema, withTenant } from '@gov/db';
import { invalid } from '@gov/domain';
import { sql } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCan, assertCanInTenant } from '../authorize.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { parseInput } from '../parse-input.js';
import { atUnit, loadUnit } from './load-unit.js';

export const MoveOrgUnit = v.object({ newParentId: v.pipe(v.string(), v.uuid()) });

/**
 * Moves a unit (and its subtree) under another parent: the actor must be allowed to change the
 * unit where it is and to create where it goes; a unit cannot move under its own subtree.
 * The paths of the whole subtree are rewritten in one statement.
 */
export async function moveOrgUnit({
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
  input: v.InferOutput<typeof MoveOrgUnit>;
}) {
  assertCanInTenant(ctx, 'update', 'OrgUnit', tenantId);
  const { newParentId } = parseInput(MoveOrgUnit, input);
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const unit = await loadUnit(tx, tenantId, unitId);
    const parent = await loadUnit(tx, tenantId, newParentId);
    if (unit.parentId === null) throw invalid({ vi: 'Không thể di chuyển đơn vị gốc của tỉnh.', en: 'The province root unit cannot be moved.' });
    if (parent.path.includes(unit.id)) {
      throw invalid({ vi: 'Không thể chuyển đơn vị vào chính cây đơn vị con của nó.', en: 'A unit cannot move under its own subtree.' });
    }
    assertCan(ctx, 'update', 'OrgUnit', atUnit(tenantId, unit.path), 'parentId');
    assertCan(ctx, 'create', 'OrgUnit', atUnit(tenantId, [...parent.path, unit.id]));
    const depth = unit.path.length;
    await tx.execute(sql`
      update ${schema.orgUnits}
      set path = ${sql.param(parent.path)}::uuid[] || path[${depth}:],
          parent_id = case when id = ${unit.id} then ${parent.id}::uuid else parent_id end
      where tenant_id = ${tenantId} and path @> array[${unit.id}]::uuid[]`);
    const moved = await loadUnit(tx, tenantId, unitId);
    assertBasedOn(ifMatch, moved);
    await audit(tx, ctx, { tenantId, action: 'org_unit.moved', subjectType: 'org_unit', subjectId: unitId, details: { from: unit.parentId, to: parent.id } });
    return moved;
  });
}
