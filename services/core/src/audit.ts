import { schema, type TenantDb } from '@gov/db';
import type { ServiceContext } from './context.js';

/**
 * Appends to the tenant's hash-chained audit log inside the caller's transaction (docs/code-conventions.md
 * rule 3): if the audit write fails, the change it records rolls back with it. Never put
 * citizen ID numbers or passwords in `details`.
 */
export async function audit(
  tx: TenantDb,
  ctx: ServiceContext,
  entry: { tenantId: string; action: string; subjectType: string; subjectId: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(schema.auditLog).values({
    tenantId: entry.tenantId,
    actorUserId: ctx.actor?.userId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.details ?? null,
    requestId: ctx.requestId,
  });
}
