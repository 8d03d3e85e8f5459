import { schema, withTenant } from '@gov/db';
import type { ProcedureRecord } from '@gov/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as v from 'valibot';
import { assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { actionsNow } from './allowed-actions-query.js';
import type { DossierEngine } from './engine.js';
import { loadReadableDossierWithUnits } from './load-dossier.js';

export const DossierRef = v.object({ dossierId: v.pipe(v.string(), v.uuid()) });

/** First line of a dossier read: the applicant (any province) or a reader in this province. */
export function assertMayRead(ctx: ServiceContext, tenantId: string): void {
  if (ctx.actor?.kind === 'citizen') return;
  assertCanInTenant(ctx, 'read', 'Dossier', tenantId);
}

/**
 * One dossier as PostgreSQL has it (the workflow projects every transition there): status,
 * deadlines, its files (metadata; bytes through the files route), its history (Form 05 data)
 * and the open task(s). The applicant's full ID number is never stored, so never shown.
 * With the engine, also the actions the reader may take now (`allowedActions`, asked of the
 * workflow: see allowed-actions-query.ts) and, when they may assign, whom to.
 */
export async function getDossier({
  ctx,
  tenantId,
  input,
  engine,
}: {
  ctx: ServiceContext;
  tenantId: string;
  input: v.InferInput<typeof DossierRef>;
  engine?: DossierEngine;
}) {
  assertMayRead(ctx, tenantId);
  const { dossierId } = parseInput(DossierRef, input);
  const { dossierFiles: f, dossierEvents: e, tasks: t, procedures: p, processDefinitions: pd, tenantUsers: tu } = schema;
  const read = await withTenant(ctx.sql, tenantId, async (tx) => {
    const { row, units } = await loadReadableDossierWithUnits(tx, ctx, tenantId, dossierId);
    const [files, events, tasks, [procedure], [process]] = await Promise.all([
      tx
        .select({
          id: f.id,
          purpose: f.purpose,
          componentCode: f.componentCode,
          fileName: f.fileName,
          contentType: f.contentType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          uploadedAt: f.uploadedAt,
          reusedFrom: f.reusedFrom,
        })
        .from(f)
        .where(and(eq(f.tenantId, tenantId), eq(f.dossierId, dossierId)))
        .orderBy(asc(f.uploadedAt)),
      tx
        .select({
          kind: e.kind,
          fromStep: e.fromStep,
          toStep: e.toStep,
          actorUserId: e.actorUserId,
          content: e.content,
          stepDueAt: e.stepDueAt,
          deadlineMet: e.deadlineMet,
          occurredAt: e.occurredAt,
        })
        .from(e)
        .where(and(eq(e.tenantId, tenantId), eq(e.dossierId, dossierId)))
        .orderBy(asc(e.occurredAt)),
      tx
        .select({
          stepKey: t.stepKey,
          orgUnitId: t.orgUnitId,
          role: t.role,
          status: t.status,
          assigneeUserId: t.assigneeUserId,
          dueAt: t.dueAt,
          completedAt: t.completedAt,
        })
        .from(t)
        .where(and(eq(t.tenantId, tenantId), eq(t.dossierId, dossierId)))
        .orderBy(asc(t.createdAt)),
      tx.select({ code: p.code, name: p.name, cases: p.cases }).from(p).where(eq(p.id, row.procedureId)),
      row.processDefinitionId
        ? tx
            .select({ steps: pd.steps })
            .from(pd)
            .where(and(eq(pd.tenantId, tenantId), eq(pd.id, row.processDefinitionId)))
        : Promise.resolve([]),
    ]);
    // Who acted, by the name their province knows them by (the applicant has none here).
    const actorIds = [...new Set(events.map((event) => event.actorUserId).filter((id): id is string => id !== null))];
    const names =
      actorIds.length === 0
        ? []
        : await tx
            .select({ userId: tu.userId, fullName: tu.fullName })
            .from(tu)
            .where(and(eq(tu.tenantId, tenantId), inArray(tu.userId, actorIds)));
    return { row, units, files, events, tasks, procedure, process, names };
  });
  const { row, units, files, events, tasks, procedure, process, names } = read;
  // The search column is the applicant's name folded for search: the name itself is there already.
  const { applicantNameSearch, ...dossier } = row;
  const components = ((procedure?.cases ?? []) as ProcedureRecord['cases'])
    .flatMap((c) => c.components)
    .filter((c, i, all) => all.findIndex((x) => x.code === c.code) === i)
    .map((c) => ({ code: c.code, name: c.name, required: c.required }));
  // After the read's transaction: the workflow Queries are not made while holding a connection.
  const actions = engine ? await actionsNow({ ctx, row, engine }) : null;
  return {
    dossier,
    procedure: procedure ? { code: procedure.code, name: procedure.name, components } : null,
    units: units.map((unit) => ({ id: unit.id, name: unit.name })),
    /** The electronic process the dossier runs (names of the step keys in the history). */
    steps: (process?.steps ?? []).map((step) => ({
      key: step.key,
      name: step.name,
      kind: step.kind,
      role: step.role,
      orgUnitId: step.orgUnitId,
    })),
    files: files.map((file) => ({ ...file, path: `/api/tenants/${tenantId}/dossiers/${dossierId}/files/${file.id}` })),
    events: events.map((event) => ({ ...event, actorName: names.find((n) => n.userId === event.actorUserId)?.fullName ?? null })),
    openTasks: tasks.filter((task) => task.status === 'open'),
    tasks,
    currentStep: actions?.step ?? null,
    allowedActions: actions?.allowedActions ?? [],
    assignees: actions?.assignees ?? [],
  };
}
