import { randomUUID } from 'node:crypto';
import { schema, type TenantDb } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';

/**
 * The province's root unit, the People's Committee (UBND), created on first need. Province admin
 * assignments sit on it, so they cover the whole tree.
 */
export async function ensureRootUnit(tx: TenantDb, tenantId: string) {
  const { orgUnits: u } = schema;
  const [root] = await tx
    .select()
    .from(u)
    .where(and(eq(u.tenantId, tenantId), isNull(u.parentId)));
  if (root) return root;
  const [tenant] = await tx.select().from(schema.tenants).where(eq(schema.tenants.id, tenantId));
  if (!tenant) throw notFound({ vi: 'Không tìm thấy tỉnh, thành phố.', en: 'Province not found.' });
  const id = randomUUID();
  // Concurrent first appointments race to create the root; the unit code is unique per tenant,
  // so one insert wins and the others read the winner.
  await tx
    .insert(u)
    .values({ tenantId, id, parentId: null, path: [id], code: `UBND-${tenant.code}`, name: `Ủy ban nhân dân ${tenant.fullName}`, kind: 'people_committee' })
    .onConflictDoNothing();
  const [created] = await tx
    .select()
    .from(u)
    .where(and(eq(u.tenantId, tenantId), isNull(u.parentId)));
  return created!;
}
