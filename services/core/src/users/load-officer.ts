import { schema, type TenantDb } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq } from 'drizzle-orm';

/** An officer of the tenant in context with the path of their unit (for subtree checks). */
export async function loadOfficer(tx: TenantDb, tenantId: string, userId: string) {
  const { tenantUsers: t, orgUnits: u } = schema;
  const [row] = await tx
    .select({ userId: t.userId, fullName: t.fullName, orgUnitId: t.orgUnitId, active: t.active, path: u.path })
    .from(t)
    .leftJoin(u, and(eq(u.tenantId, t.tenantId), eq(u.id, t.orgUnitId)))
    .where(and(eq(t.tenantId, tenantId), eq(t.userId, userId)));
  if (!row) throw notFound({ vi: 'Không tìm thấy cán bộ.', en: 'Officer not found.' });
  return { ...row, path: row.path ?? [] };
}
