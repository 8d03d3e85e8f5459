import { schema, type TenantDb } from '@gov/db';
import { and, asc, eq } from 'drizzle-orm';

/**
 * The open tasks assigned to this officer by name, with their dossier: what a leader must hand
 * to someone else when the officer moves or leaves (nothing is reassigned silently).
 */
export async function openTasksOf(tx: TenantDb, tenantId: string, userId: string) {
  const { tasks: t, dossiers: d } = schema;
  return tx
    .select({ taskId: t.id, dossierId: t.dossierId, dossierCode: d.code, stepKey: t.stepKey, role: t.role, orgUnitId: t.orgUnitId, dueAt: t.dueAt })
    .from(t)
    .innerJoin(d, and(eq(d.tenantId, t.tenantId), eq(d.id, t.dossierId)))
    .where(and(eq(t.tenantId, tenantId), eq(t.assigneeUserId, userId), eq(t.status, 'open')))
    .orderBy(asc(t.dueAt));
}
