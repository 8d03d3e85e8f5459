import { schema, type TenantDb } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq } from 'drizzle-orm';

export type OrgUnitRow = typeof schema.orgUnits.$inferSelect;

/** A unit of the tenant in context, or a 404 that does not say whether it exists elsewhere. */
export async function loadUnit(tx: TenantDb, tenantId: string, unitId: string): Promise<OrgUnitRow> {
  const [unit] = await tx
    .select()
    .from(schema.orgUnits)
    .where(and(eq(schema.orgUnits.tenantId, tenantId), eq(schema.orgUnits.id, unitId)));
  if (!unit) throw notFound({ vi: 'Không tìm thấy đơn vị.', en: 'Organisation unit not found.' });
  return unit;
}

/** The CASL subject for anything that sits at a unit: its tenant and the path down to it. */
export const atUnit = (tenantId: string, path: string[]) => ({ tenantId, orgUnitPath: path });
