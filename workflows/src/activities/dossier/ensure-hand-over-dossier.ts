import { schema, withTenant, type Sql } from '@gov/db';
import { and, eq } from 'drizzle-orm';

export interface EnsureHandOverDossierInput {
  sourceTenantId: string;
  tenantId: string;
  dossierId: string;
  /** The receiving unit in the target province. */
  unitId: string;
  workflowId: string;
}

/**
 * Inter-province hand-over (liên thông giữa hai tỉnh): the target province works on its own row
 * of the dossier, under its own row-level security, with the same id and code. Read in the
 * source tenant, written in the target tenant — two transactions, because each is bound to one
 * tenant. Idempotent: a retry finds the row and does nothing.
 */
export async function ensureHandOverDossier(sql: Sql, input: EnsureHandOverDossierInput): Promise<void> {
  const d = schema.dossiers;
  const [source] = await withTenant(sql, input.sourceTenantId, (tx) =>
    tx
      .select()
      .from(d)
      .where(and(eq(d.tenantId, input.sourceTenantId), eq(d.id, input.dossierId))),
  );
  if (!source) throw new Error(`hand-over source dossier ${input.dossierId} not found`);
  await withTenant(sql, input.tenantId, (tx) =>
    tx
      .insert(d)
      .values({
        tenantId: input.tenantId,
        id: input.dossierId,
        code: source.code,
        procedureId: source.procedureId,
        channel: source.channel,
        receivingUnitId: input.unitId,
        currentUnitId: input.unitId,
        applicantName: source.applicantName,
        applicantIdSuffix: source.applicantIdSuffix,
        nationalStatus: 4,
        localStatus: 'handed_over_in',
        receivedAt: new Date(),
        dueAt: source.dueAt,
        // Counted nationally by the province it came from (docs/domain/report-rules.md).
        handedOverFrom: input.sourceTenantId,
        workflowId: input.workflowId,
      })
      .onConflictDoNothing(),
  );
}
