import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { portalSyncOutbox as q } from '../schema/portal-sync-outbox.js';
import type { TenantDb } from '../tenant/with-tenant.js';

/**
 * Puts a dead national-portal record back in the queue with a fresh set of attempts
 * (docs/domain/national-portal-sync.md). The dossier's later records, held behind it, follow once
 * it is delivered. Resolves with the dossier it belongs to, or null when no such dead record is
 * in the tenant of `tx` (never dead, already replayed, or delivered).
 */
export async function requeuePortalDeadLetter(tx: TenantDb, tenantId: string, id: string): Promise<{ dossierId: string; seq: number } | null> {
  const [row] = await tx
    .update(q)
    .set({ deadAt: null, attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(eq(q.tenantId, tenantId), eq(q.id, id), isNotNull(q.deadAt), isNull(q.dispatchedAt)))
    .returning({ dossierId: q.dossierId, seq: q.seq });
  return row ?? null;
}
