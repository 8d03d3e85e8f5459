import { requeuePortalDeadLetter, schema, withTenant, type Sql } from '@gov/db';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';

/**
 * The operator's replay (`npm run portal:replay`): every dead national-portal record of one
 * province goes back in the queue with a fresh set of attempts, oldest first, each with an audit
 * record naming the command (no person acts; the admins' route records who did). The dossiers'
 * later records then follow in order once each is delivered.
 */
export async function replayDeadLetters(sql: Sql, tenantId: string): Promise<{ id: string; dossierId: string; seq: number }[]> {
  const q = schema.portalSyncOutbox;
  return withTenant(sql, tenantId, async (tx) => {
    const dead = await tx
      .select({ id: q.id })
      .from(q)
      .where(and(eq(q.tenantId, tenantId), isNotNull(q.deadAt), isNull(q.dispatchedAt)))
      .orderBy(asc(q.deadAt));
    const replayed: { id: string; dossierId: string; seq: number }[] = [];
    for (const { id } of dead) {
      const row = await requeuePortalDeadLetter(tx, tenantId, id);
      if (!row) continue;
      await tx
        .insert(schema.auditLog)
        .values({ tenantId, action: 'portal_sync.replay', subjectType: 'portal_sync', subjectId: id, details: { ...row, via: 'npm run portal:replay' } });
      replayed.push({ id, ...row });
    }
    return replayed;
  });
}
