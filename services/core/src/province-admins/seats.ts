import { schema, type TenantDb } from '@gov/db';
import { and, eq, isNull, sql } from 'drizzle-orm';

/**
 * Takes the province's admin-seat lock, the same transaction-scoped advisory lock the database's
 * cap trigger takes (0008_cap-province-admins.sql), so counting the seats and changing them is
 * serialised with every concurrent appointment, revocation and step-down in the province.
 */
export async function lockProvinceAdminSeats(tx: TenantDb, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'gov:province_admins:' + tenantId}))`);
}

/** Active province admin assignments of the province (call after taking the lock). */
export async function activeProvinceAdmins(tx: TenantDb, tenantId: string) {
  const r = schema.roleAssignments;
  return tx
    .select({ id: r.id, userId: r.userId })
    .from(r)
    .where(and(eq(r.tenantId, tenantId), eq(r.role, 'province_admin'), isNull(r.revokedAt)));
}
