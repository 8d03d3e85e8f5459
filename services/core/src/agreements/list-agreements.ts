import { schema, withTenant } from '@gov/db';
import { count, desc, eq, inArray } from 'drizzle-orm';
import { assertCan } from '../authorize.js';
import type { ServiceContext } from '../context.js';

/**
 * The agreements this province is party to, proposed by it or to it, newest first, each with
 * the number of dossiers handed over under it (its use) and the provinces' names. Row-level
 * security alone decides what is listed: each province holds only its own copies.
 */
export async function listAgreements({ ctx, tenantId }: { ctx: ServiceContext; tenantId: string }) {
  assertCan(ctx, 'publish', 'ProcessDefinition', { tenantId });
  const a = schema.handOverAgreements;
  const use = schema.handOverAgreementUses;
  const [rows, uses] = await withTenant(ctx.sql, tenantId, (tx) =>
    Promise.all([
      tx.select().from(a).where(eq(a.tenantId, tenantId)).orderBy(desc(a.proposedAt)),
      tx.select({ agreementId: use.agreementId, n: count() }).from(use).where(eq(use.tenantId, tenantId)).groupBy(use.agreementId),
    ]),
  );
  const handedOverOf = (id: string) => uses.find((u) => u.agreementId === id)?.n ?? 0;
  const ids = [...new Set(rows.flatMap((r) => [r.sourceTenantId, r.targetTenantId]))];
  const t = schema.tenants;
  const names = ids.length ? await ctx.db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, ids)) : [];
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? '';
  return rows.map((r) => ({
    id: r.id,
    party: r.party,
    status: r.status,
    procedureCode: r.procedureCode,
    sourceProvince: { id: r.sourceTenantId, name: nameOf(r.sourceTenantId) },
    targetProvince: { id: r.targetTenantId, name: nameOf(r.targetTenantId) },
    sourceUnitIds: r.sourceUnitIds,
    targetUnitIds: r.targetUnitIds,
    allottedWorkingHours: r.allottedWorkingHours,
    note: r.note,
    decisionReason: r.decisionReason,
    proposedAt: r.proposedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    handedOver: handedOverOf(r.id),
  }));
}
