import { schema, type TenantDb } from '@gov/db';
import { invalid, statutoryWorkingHours, type ChannelTime, type ProcessDesignContext, type StatutoryTime } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';
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

/** Everything `validateProcessDesign` needs, read in the tenant's transaction. */
export async function loadDesignContext(tx: TenantDb, tenantId: string, procedureCode: string, caseCode: string): Promise<ProcessDesignContext> {
  const procedure = rowToRecord(await loadProcedure(tx, procedureCode));
  if (caseCode !== 'default' && !procedure.cases.some((c) => c.code === caseCode)) {
    throw invalid({ vi: `Thủ tục ${procedureCode} không có trường hợp "${caseCode}".`, en: `Procedure ${procedureCode} has no case "${caseCode}".` });
  }
  const s = schema.procedureSettings;
  const [setting] = await tx.select().from(s).where(and(eq(s.tenantId, tenantId), eq(s.procedureCode, procedureCode), eq(s.active, true)));
  if (!setting) {
    throw invalid({ vi: `Tỉnh chưa kích hoạt thủ tục ${procedureCode}; hãy kích hoạt trước khi thiết kế quy trình.`, en: `Activate procedure ${procedureCode} in this province before designing its process.` });
  }
  const u = schema.orgUnits;
  const r = schema.roleAssignments;
  const [units, roleAssignments] = await Promise.all([
    tx.select({ id: u.id, path: u.path }).from(u).where(and(eq(u.tenantId, tenantId), eq(u.active, true))),
    tx.selectDistinct({ role: r.role, orgUnitId: r.orgUnitId }).from(r).where(and(eq(r.tenantId, tenantId), isNull(r.revokedAt))),
  ]);
  return {
    units,
    roleAssignments,
    activeUnitIds: [...new Set([...setting.receivingUnitIds, ...setting.handlingUnitIds])],
    statutoryTime: strictestTime(procedure.processingTime),
  };
}
