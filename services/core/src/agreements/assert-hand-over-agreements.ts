import { schema, type Db, type TenantDb } from '@gov/db';
import { agreementProblems, invalid, type ProcessStep } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { toTerms } from './agreement-store.js';

/**
 * Publishing a process that hands over to another province needs, for each such hand-over, an
 * agreement the other province accepted and has not withdrawn (docs/domain/lien-thong.md); 400
 * naming the step otherwise. Reads this province's own copies in the publishing transaction.
 */
export async function assertHandOverAgreements(tx: TenantDb, db: Db, args: { tenantId: string; procedureCode: string; steps: readonly ProcessStep[] }) {
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
    agreements: rows.map(toTerms),
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
