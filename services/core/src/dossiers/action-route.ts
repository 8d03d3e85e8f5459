import { schema, type TenantDb } from '@gov/db';
import { conflict, PARENT_LEVEL_ACTIONS, type DossierAction, type DossierView, type ProcessStep } from '@gov/domain';
import type { WorkflowHandle } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { dossierHandle, queryStartingChild, queryView, type DossierEngine, type DossierWorkflowRef } from './engine.js';
import type { DossierRow } from './load-dossier.js';
import { toDomainError } from './rejection.js';

/** What the action route needs before its Update: the workflow to update and its current step. */
export interface ActionRoute {
  target: WorkflowHandle;
  step: Pick<DossierView['step'], 'key' | 'kind' | 'name' | 'role' | 'orgUnitId'>;
  nationalStatus: number;
}

export interface OpenStep {
  stepKey: string;
  role: string;
  orgUnitId: string;
  /** The steps of the process snapshot the dossier runs (null for a row without one). */
  steps: unknown;
}

/** The dossier's open task (its current step, as projected) with the process it runs. */
export function loadOpenSteps(tx: TenantDb, tenantId: string, dossierId: string): Promise<OpenStep[]> {
  const { tasks: t, dossiers: d, processDefinitions: pd } = schema;
  return tx
    .select({ stepKey: t.stepKey, role: t.role, orgUnitId: t.orgUnitId, steps: pd.steps })
    .from(t)
    .innerJoin(d, and(eq(d.tenantId, t.tenantId), eq(d.id, t.dossierId)))
    .leftJoin(pd, and(eq(pd.tenantId, d.tenantId), eq(pd.id, d.processDefinitionId)))
    .where(and(eq(t.tenantId, tenantId), eq(t.dossierId, dossierId), eq(t.status, 'open')))
    .limit(2);
}

/**
 * The route as PostgreSQL has it: the workflows project every transition before an Update
 * returns, so in the normal case this is what a Query would say, without a workflow task round
 * trip. The Update's validator re-checks everything, so a stale answer costs a clear refusal,
 * never a wrong transition. Null when the projection cannot say: no open task (just registered,
 * a hand-over child not started yet, closed), or a dossier-level action during a hand-over (the
 * parent's own step has no open task then).
 */
export function routeFromProjection(args: { engine: DossierEngine; row: DossierRow; open: OpenStep[]; action: DossierAction }): ActionRoute | null {
  const { engine, row, open, action } = args;
  const [task, other] = open;
  if (!task || other) return null;
  const handOver = row.handOverWorkflowId;
  if (handOver && PARENT_LEVEL_ACTIONS.includes(action)) return null;
  const step = Array.isArray(task.steps) ? (task.steps as ProcessStep[]).find((s) => s.key === task.stepKey) : undefined;
  if (!step) return null;
  const target = handOver ? engine.client.workflow.getHandle(handOver) : dossierHandle(engine, row);
  return { target, step: { key: step.key, kind: step.kind, name: step.name, role: task.role, orgUnitId: task.orgUnitId }, nationalStatus: row.nationalStatus };
}

/** The route as the workflows say it (a Query), when the projection cannot say. */
export async function routeByQuery(args: { engine: DossierEngine; row: DossierWorkflowRef; action: DossierAction }): Promise<ActionRoute> {
  const { engine, row, action } = args;
  const parent = dossierHandle(engine, row);
  const parentView = await queryView(parent).catch((error: unknown) => {
    throw toDomainError(error);
  });
  if (parentView.done) throw conflict({ vi: 'Hồ sơ đã kết thúc xử lý.', en: 'The dossier is closed.' });
  // During a hand-over (liên thông) the child workflow owns the step actions.
  const child =
    parentView.activeHandOverWorkflowId && !PARENT_LEVEL_ACTIONS.includes(action)
      ? engine.client.workflow.getHandle(parentView.activeHandOverWorkflowId)
      : null;
  const view = child
    ? await queryStartingChild(child).catch((error: unknown) => {
        throw toDomainError(error);
      })
    : parentView;
  return { target: child ?? parent, step: view.step, nationalStatus: view.nationalStatus };
}
