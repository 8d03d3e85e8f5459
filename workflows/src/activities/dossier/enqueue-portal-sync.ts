import { schema, type withTenant } from '@gov/db';
import type { NationalStatus } from '@gov/domain';
import type { PortalDossierRecord } from '@gov/domain/contract';
import { and, desc, eq } from 'drizzle-orm';

type Tx = Parameters<Parameters<typeof withTenant>[2]>[0];
const d = schema.dossiers;
const q = schema.portalSyncOutbox;
const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** The fields whose change the portal must hear of: everything but the instant of the change. */
const unchanged = (a: PortalDossierRecord, b: PortalDossierRecord) => {
  const { changedAt: _a, ...left } = a;
  const { changedAt: _b, ...right } = b;
  return JSON.stringify(left, Object.keys(left).sort()) === JSON.stringify(right, Object.keys(right).sort());
};

/**
 * Queues what the national portal must now hold about the dossier, in the projection's
 * transaction, when it differs from what was last queued (docs/domain/national-portal-sync.md).
 * Called after the dossier's row was updated: that update holds the row lock, so two projections
 * of the same dossier (a hand-over child and its parent) take their sequence numbers in turn.
 */
export async function enqueuePortalSync(tx: Tx, at: { tenantId: string; dossierId: string; occurredAt: string }): Promise<void> {
  const [row] = await tx
    .select({
      dossierCode: d.code,
      procedureCode: schema.procedures.code,
      provinceCode: schema.tenants.code,
      unitCode: schema.orgUnits.code,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      status: d.nationalStatus,
      channel: d.channel,
      applicantName: d.applicantName,
      finishedAt: d.finishedAt,
      returnedAt: d.returnedAt,
    })
    .from(d)
    .innerJoin(schema.procedures, eq(schema.procedures.id, d.procedureId))
    .innerJoin(schema.tenants, eq(schema.tenants.id, d.tenantId))
    .innerJoin(schema.orgUnits, and(eq(schema.orgUnits.tenantId, d.tenantId), eq(schema.orgUnits.id, d.receivingUnitId)))
    .where(and(eq(d.tenantId, at.tenantId), eq(d.id, at.dossierId)));
  if (!row) return;
  const record: PortalDossierRecord = {
    ...row,
    status: row.status as NationalStatus,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: iso(row.dueAt),
    finishedAt: iso(row.finishedAt),
    returnedAt: iso(row.returnedAt),
    changedAt: new Date(at.occurredAt).toISOString(),
  };
  const [last] = await tx
    .select({ seq: q.seq, payload: q.payload })
    .from(q)
    .where(and(eq(q.tenantId, at.tenantId), eq(q.dossierId, at.dossierId)))
    .orderBy(desc(q.seq))
    .limit(1);
  if (last && unchanged(last.payload as PortalDossierRecord, record)) return;
  await tx.insert(q).values({ tenantId: at.tenantId, dossierId: at.dossierId, seq: (last?.seq ?? 0) + 1, nationalStatus: record.status, payload: record });
}
