import { schema, withTenant, type Db, type Sql, type TenantDb } from '@gov/db';
import { agreementProblems, interProvinceSegments, invalid, type AgreementTerms, type ProcessStep } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { toTerms } from './agreement-store.js';

/**
 * A chain's onward links (the second province handing on to a third) are agreed between those
 * two provinces, so their agreements are the second province's copies: read here in its own
 * tenant context, only its accepted sending copies for the procedure, before the publishing
 * transaction opens (a second connection taken inside it could wait on a drained pool).
 */
export async function loadOnwardAgreements(
  { sql }: { sql: Sql },
  args: { tenantId: string; procedureCode: string; steps: readonly ProcessStep[] },
): Promise<AgreementTerms[]> {
  const senders = new Set(interProvinceSegments(args.steps, args.tenantId).map((s) => s.sourceTenantId));
  senders.delete(args.tenantId);
  const a = schema.handOverAgreements;
  const found: AgreementTerms[] = [];
  for (const sender of senders) {
    const rows = await withTenant(sql, sender, (tx) =>
      tx
        .select()
        .from(a)
        .where(and(eq(a.tenantId, sender), eq(a.party, 'source'), eq(a.procedureCode, args.procedureCode), eq(a.status, 'accepted'))),
    );
    found.push(...rows.map(toTerms));
  }
  return found;
}

/**
 * Publishing a process that hands over to another province needs, for each such hand-over, an
 * agreement the other province accepted and has not withdrawn (docs/domain/lien-thong.md); 400
 * naming the step otherwise. Reads this province's own copies in the publishing transaction; a
 * chain's onward links are checked against `onward` (`loadOnwardAgreements`).
 */
export async function assertHandOverAgreements(
  tx: TenantDb,
  db: Db,
  args: { tenantId: string; procedureCode: string; steps: readonly ProcessStep[]; onward?: readonly AgreementTerms[] },
) {
  const crossing = args.steps.some((s) => s.handOver?.targetTenantId && s.handOver.targetTenantId !== args.tenantId);
  if (!crossing) return;
  const a = schema.handOverAgreements;
  const rows = await tx
    .select()
    .from(a)
    .where(and(eq(a.tenantId, args.tenantId), eq(a.procedureCode, args.procedureCode), eq(a.status, 'accepted')));
  const ids = [...new Set(args.steps.flatMap((s) => (s.handOver?.targetTenantId ? [s.handOver.targetTenantId] : [])))];
  const t = schema.tenants;
  const names = await db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, ids));
  const problems = agreementProblems(args.steps, {
    tenantId: args.tenantId,
    procedureCode: args.procedureCode,
    agreements: [...rows.map(toTerms), ...(args.onward ?? [])],
    provinceNames: new Map(names.map((n) => [n.id, n.name])),
  });
  if (problems.length === 0) return;
  throw invalid(
    {
      vi: `Quy trình chưa thể ban hành: ${problems.map((p) => p.message.vi).join(' ')}`,
      en: `The process cannot be published: ${problems.map((p) => p.message.en).join(' ')}`,
    },
    { problems },
  );
}
