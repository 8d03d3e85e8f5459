import { schema, withTenant, type Db, type Sql, type TenantDb } from '@gov/db';
import {
  consultedTenants,
  invalid,
  statutoryWorkingHours,
  type ChannelTime,
  type ProcessDesignContext,
  type ProcessStep,
  type StatutoryTime,
} from '@gov/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { toTerms } from '../agreements/agreement-store.js';
import { loadProcedure, rowToRecord } from '../catalog/procedure-row.js';

/**
 * The strictest statutory time over the procedure's channels: one process serves every channel,
 * so it must fit the shortest of them.
 */
export function strictestTime(times: readonly ChannelTime[]): StatutoryTime {
  const sorted = [...times].sort((a, b) => statutoryWorkingHours(a) - statutoryWorkingHours(b));
  const first = sorted[0];
  if (!first) throw invalid({ vi: 'Thủ tục chưa có thời hạn giải quyết.', en: 'The procedure has no processing time.' });
  return { amount: first.amount, unit: first.unit };
}

/**
 * The provinces a draft hands over to, with their active units, each read in its own tenant
 * context so row-level security keeps applying (ids only reach the validation). Called before
 * the designer's own transaction opens: a second connection taken while that one is held could
 * wait forever on a pool drained by other saves. A named tenant that does not exist is simply
 * absent, and the validation names the step. Every tenant is a province or a centrally-run city.
 */
export async function loadOtherProvinces({ db, sql }: { db: Db; sql: Sql }, tenantId: string, steps: readonly ProcessStep[]): Promise<OtherProvinces> {
  const handedTo = steps.flatMap((s) => (s.handOver?.targetTenantId && s.handOver.targetTenantId !== tenantId ? [s.handOver.targetTenantId] : []));
  const named = [...new Set([...handedTo, ...consultedTenants(steps, tenantId)])];
  if (named.length === 0) return [];
  const t = schema.tenants;
  const u = schema.orgUnits;
  const provinces = await db.select({ id: t.id, name: t.name, kind: t.kind }).from(t).where(inArray(t.id, named));
  const found: OtherProvinces[number][] = [];
  for (const p of provinces.filter((x) => x.kind === 'province' || x.kind === 'municipality')) {
    const units = await withTenant(sql, p.id, (other) =>
      other
        .select({ id: u.id })
        .from(u)
        .where(and(eq(u.tenantId, p.id), eq(u.active, true))),
    );
    found.push({ tenantId: p.id, name: p.name, unitIds: units.map((r) => r.id) });
  }
  return found;
}

export type OtherProvinces = ProcessDesignContext['otherProvinces'];

export interface LoadDesignContext {
  /** From loadOtherProvinces, read before the transaction. */
  otherProvinces: OtherProvinces;
  tenantId: string;
  procedureCode: string;
  caseCode: string;
}

/** Everything `validateProcessDesign` needs, read in the tenant's transaction (other provinces in theirs). */
export async function loadDesignContext(tx: TenantDb, { otherProvinces, tenantId, procedureCode, caseCode }: LoadDesignContext): Promise<ProcessDesignContext> {
  const procedure = rowToRecord(await loadProcedure(tx, procedureCode));
  if (caseCode !== 'default' && !procedure.cases.some((c) => c.code === caseCode)) {
    throw invalid({ vi: `Thủ tục ${procedureCode} không có trường hợp "${caseCode}".`, en: `Procedure ${procedureCode} has no case "${caseCode}".` });
  }
  const s = schema.procedureSettings;
  const [setting] = await tx
    .select()
    .from(s)
    .where(and(eq(s.tenantId, tenantId), eq(s.procedureCode, procedureCode), eq(s.active, true)));
  if (!setting) {
    throw invalid({
      vi: `Tỉnh chưa kích hoạt thủ tục ${procedureCode}; hãy kích hoạt trước khi thiết kế quy trình.`,
      en: `Activate procedure ${procedureCode} in this province before designing its process.`,
    });
  }
  const u = schema.orgUnits;
  const r = schema.roleAssignments;
  const a = schema.handOverAgreements;
  const [units, roleAssignments, agreements] = await Promise.all([
    tx
      .select({ id: u.id, path: u.path })
      .from(u)
      .where(and(eq(u.tenantId, tenantId), eq(u.active, true))),
    tx
      .selectDistinct({ role: r.role, orgUnitId: r.orgUnitId })
      .from(r)
      .where(and(eq(r.tenantId, tenantId), isNull(r.revokedAt))),
    // A consultation of another province's unit needs an agreement, as a hand-over does.
    tx
      .select()
      .from(a)
      .where(and(eq(a.tenantId, tenantId), eq(a.procedureCode, procedureCode), eq(a.status, 'accepted'))),
  ]);
  return {
    tenantId,
    otherProvinces,
    units,
    roleAssignments,
    activeUnitIds: [...new Set([...setting.receivingUnitIds, ...setting.handlingUnitIds])],
    statutoryTime: strictestTime(procedure.processingTime),
    formFields: procedure.forms.flatMap((form) => form.fields ?? []),
    procedureCode,
    agreements: agreements.map(toTerms),
  };
}
