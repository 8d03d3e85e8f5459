import { schema, type TenantDb } from '@gov/db';
import { competentUnitFor, invalid } from '@gov/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { SubmitDossier } from './submit-input.js';

/**
 * Jurisdiction-free intake (Decree 118/2025, docs/domain/jurisdiction-free-intake.md): the
 * receiving unit may be any one-stop unit of the province — an active unit that receives some
 * active procedure here — and the competent unit comes from the province's routing rules for
 * the applicant's commune or ward (undefined: no rule, the process's own units stay).
 */
export async function jurisdictionFreeRoute(
  tx: TenantDb,
  args: { tenantId: string; data: SubmitDossier; receivingUnitId: string },
): Promise<{ competentUnitId: string | undefined }> {
  const { tenantId, data, receivingUnitId } = args;
  const s = schema.procedureSettings;
  const u = schema.orgUnits;
  const r = schema.intakeRoutingRules;
  const [oneStop, rules] = await Promise.all([
    tx
      .select({ id: u.id })
      .from(u)
      .where(
        and(
          eq(u.tenantId, tenantId),
          eq(u.id, receivingUnitId),
          eq(u.active, true),
          sql`exists (select 1 from ${s} where ${s.tenantId} = ${tenantId} and ${s.active} and ${u.id} = any(${s.receivingUnitIds}))`,
        ),
      ),
    tx.select({ procedureCode: r.procedureCode, communeCode: r.communeCode, competentUnitId: r.competentUnitId }).from(r).where(eq(r.tenantId, tenantId)),
  ]);
  if (oneStop.length === 0) {
    throw invalid({
      vi: 'Thủ tục được nộp tại bất kỳ bộ phận một cửa nào của tỉnh, nhưng đơn vị này không phải bộ phận một cửa đang hoạt động.',
      en: 'This procedure may be filed at any one-stop unit of the province, but this unit is not an active one-stop unit.',
    });
  }
  return { competentUnitId: competentUnitFor(rules, { procedureCode: data.procedureCode, communeCode: data.applicantCommuneCode ?? null }) };
}
