import { schema, withTenant } from '@gov/db';
import { and, asc, eq } from 'drizzle-orm';
import { abilityFilter } from '../abilities/sql-filter.js';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { contactColumns } from './contact-columns.js';

/** The units of a province the actor may see, parents before children (by path). */
export async function listOrgUnits({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCanInTenant(ctx, 'read', 'OrgUnit', tenantId);
  const { orgUnits: u } = schema;
  const visible = abilityFilter(ctx.ability, 'read', 'OrgUnit', { tenantId: u.tenantId, orgUnitPath: u.path });
  return withTenant(ctx.sql, tenantId, (tx) =>
    tx
      .select({
        id: u.id,
        parentId: u.parentId,
        path: u.path,
        code: u.code,
        name: u.name,
        kind: u.kind,
        active: u.active,
        revision: u.revision,
        ...contactColumns,
      })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), visible))
      .orderBy(asc(u.path)),
  );
}
