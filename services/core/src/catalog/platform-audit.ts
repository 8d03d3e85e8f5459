import { schema, type Queryable } from '@gov/db';
import type { ServiceContext } from '../context.js';

/**
 * Records a ministry change to global data (catalog, default processes) in the platform's own
 * hash-chained log, inside the caller's transaction: the tenant chains cannot hold it, since the
 * change belongs to no province.
 */
export async function platformAudit(
  tx: Queryable,
  ctx: ServiceContext,
  entry: { action: string; subjectType: string; subjectId: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(schema.platformAuditLog).values({
    actorUserId: ctx.actor?.userId ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.details ?? null,
    requestId: ctx.requestId,
  });
}
