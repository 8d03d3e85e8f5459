import { schema, withTenant } from '@gov/db';
import type { PortalDossierRecord } from '@gov/domain/contract';
import { and, asc, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';

const q = schema.portalSyncOutbox;

/**
 * The national portal's dead-letter list of one province (docs/domain/national-portal-sync.md):
 * records the portal refused or could not take after the last attempt, oldest first, each with
 * the records of the same dossier held behind it. Read by the province admin and the ministry.
 */
export async function listPortalDeadLetters({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCanInTenant(ctx, 'read', 'PortalSync', tenantId);
  const later = alias(q, 'later');
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const rows = await tx
      .select({
        id: q.id,
        dossierId: q.dossierId,
        dossierCode: schema.dossiers.code,
        seq: q.seq,
        nationalStatus: q.nationalStatus,
        payload: q.payload,
        attempts: q.attempts,
        lastError: q.lastError,
        createdAt: q.createdAt,
        deadAt: q.deadAt,
        heldBehind: count(later.id),
      })
      .from(q)
      .innerJoin(schema.dossiers, and(eq(schema.dossiers.tenantId, q.tenantId), eq(schema.dossiers.id, q.dossierId)))
      .leftJoin(later, and(eq(later.tenantId, q.tenantId), eq(later.dossierId, q.dossierId), gt(later.seq, q.seq), isNull(later.dispatchedAt)))
      .where(and(eq(q.tenantId, tenantId), isNotNull(q.deadAt), isNull(q.dispatchedAt)))
      .groupBy(q.tenantId, q.id, schema.dossiers.code)
      .orderBy(asc(q.deadAt), asc(q.id));
    // Only what an admin needs to act: not the applicant's name the record carries.
    const items = rows.map(({ payload, deadAt, ...row }) => ({ ...row, deadAt: deadAt!, changedAt: (payload as PortalDossierRecord).changedAt }));
    return { items };
  });
}
