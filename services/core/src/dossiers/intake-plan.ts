import { schema, type TenantDb } from '@gov/db';
import {
  conflict,
  invalid,
  notFound,
  ProcessSnapshot,
  routeSnapshot,
  type DossierChannel,
  formFieldsOf,
  type FormField,
  type ProcedureRecord,
  type StatutoryTime,
} from '@gov/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import type { OrgUnitRow } from '../org-units/load-unit.js';
import type { SubmitDossier } from './submit-input.js';
import { jurisdictionFreeRoute } from './jurisdiction-free-route.js';

/** Everything intake needs to know about the procedure in this province, read in its transaction. */
export interface IntakePlan {
  procedureId: string;
  procedureName: string;
  snapshot: ProcessSnapshot;
  receivingUnit: OrgUnitRow;
  unitCodes: Record<string, string>;
  components: ProcedureRecord['cases'][number]['components'];
  /** The fields the procedure's forms declare: what the applicant's form data is checked against. */
  formFields: FormField[];
  /** Jurisdiction-free intake: the competent unit the routing chose; null otherwise. */
  routedToUnitId: string | null;
}

/** Which statutory time applies: a proxy files like anyone else on the same channel. */
function statutoryTime(times: ProcedureRecord['processingTime'], channel: DossierChannel): StatutoryTime {
  const wanted = channel === 'proxy' ? 'in_person' : channel;
  const time = times.find((t) => t.channel === wanted) ?? times.find((t) => t.channel === 'in_person') ?? times[0];
  if (!time) throw conflict({ vi: 'Thủ tục chưa có thời hạn giải quyết.', en: 'The procedure has no processing time.' });
  return { amount: time.amount, unit: time.unit };
}

/**
 * The active activation (procedure_settings), the newest catalog version and the newest
 * published electronic process for the case, turned into the snapshot the workflow will run.
 * A unit outside the activation's receiving units is refused: Decree 61/2018 Art. 17 says to
 * direct the applicant to the competent unit, not to register the dossier here — unless the
 * procedure is jurisdiction-free (Decree 118/2025): then any one-stop unit of the province
 * receives it and the province's routing rules send it on (docs/domain/jurisdiction-free-intake.md).
 */
export async function loadIntakePlan(tx: TenantDb, tenantId: string, data: SubmitDossier): Promise<IntakePlan> {
  const { procedureSettings: s, procedures: p, processDefinitions: d, orgUnits: u } = schema;
  // One round trip: postgres.js pipelines the queries of one connection.
  const [[setting], [procedure], [process]] = await Promise.all([
    tx
      .select()
      .from(s)
      .where(and(eq(s.tenantId, tenantId), eq(s.procedureCode, data.procedureCode), eq(s.active, true))),
    tx.select().from(p).where(eq(p.code, data.procedureCode)).orderBy(desc(p.version)).limit(1),
    tx
      .select()
      .from(d)
      .where(and(eq(d.tenantId, tenantId), eq(d.procedureCode, data.procedureCode), eq(d.caseCode, data.caseCode), eq(d.status, 'published')))
      .orderBy(desc(d.version))
      .limit(1),
  ]);
  if (!setting)
    throw notFound({ vi: `Tỉnh chưa tiếp nhận thủ tục ${data.procedureCode}.`, en: `This province does not offer procedure ${data.procedureCode}.` });
  if (!procedure || !process) {
    throw conflict({
      vi: `Thủ tục ${data.procedureCode} chưa có quy trình điện tử được ban hành cho trường hợp này.`,
      en: `No published process for ${data.procedureCode} (case ${data.caseCode}).`,
    });
  }
  const cases = procedure.cases as ProcedureRecord['cases'];
  const procedureCase = cases.find((c) => c.code === data.caseCode);
  if (cases.length > 0 && !procedureCase)
    throw invalid({ vi: `Thủ tục không có trường hợp "${data.caseCode}".`, en: `The procedure has no case "${data.caseCode}".` });
  const steps = process.steps;
  const designed = v.parse(ProcessSnapshot, {
    processDefinitionId: process.id,
    tenantId,
    procedureCode: data.procedureCode,
    caseCode: data.caseCode,
    version: process.version,
    statutoryTime: statutoryTime(procedure.processingTime as ProcedureRecord['processingTime'], data.channel),
    steps,
  });
  const firstUnit = designed.steps[0]!.orgUnitId;
  const receivingUnitId = data.receivingUnitId ?? (setting.receivingUnitIds.includes(firstUnit) ? firstUnit : setting.receivingUnitIds[0]);
  const freeIntake = procedure.jurisdictionFree && receivingUnitId ? await jurisdictionFreeRoute(tx, { tenantId, data, receivingUnitId }) : null;
  if (!receivingUnitId || (!freeIntake && !setting.receivingUnitIds.includes(receivingUnitId))) {
    throw invalid({
      vi: 'Đơn vị này không tiếp nhận thủ tục; vui lòng nộp tại đơn vị có thẩm quyền.',
      en: 'This unit does not receive this procedure; file with the competent unit.',
    });
  }
  // Without a rule, a unit named for the procedure runs the process as designed, as before.
  const rerouted = freeIntake && (freeIntake.competentUnitId !== undefined || !setting.receivingUnitIds.includes(receivingUnitId));
  const snapshot = rerouted ? routeSnapshot(designed, { receivingUnitId, competentUnitId: freeIntake.competentUnitId ?? firstUnit }) : designed;
  const unitIds = [...new Set([receivingUnitId, ...snapshot.steps.flatMap((step) => [step.orgUnitId, step.handOver?.targetUnitId ?? step.orgUnitId])])];
  const units = await tx
    .select()
    .from(u)
    .where(and(eq(u.tenantId, tenantId), inArray(u.id, unitIds)));
  const receivingUnit = units.find((unit) => unit.id === receivingUnitId);
  if (!receivingUnit) throw notFound({ vi: 'Không tìm thấy đơn vị.', en: 'Organisation unit not found.' });
  return {
    procedureId: procedure.id,
    procedureName: procedure.name,
    snapshot,
    receivingUnit,
    unitCodes: Object.fromEntries(units.map((unit) => [unit.id, unit.code])),
    components: procedureCase?.components ?? [],
    formFields: formFieldsOf(procedure.forms as ProcedureRecord['forms']),
    routedToUnitId: freeIntake ? (freeIntake.competentUnitId ?? firstUnit) : null,
  };
}
