import { dossierWorkflowId, type DossierActor, type DossierClock, type DossierView, type DossierWorkflowInput } from '@gov/domain';
import { DOSSIER_WORKFLOW_TYPE, dossierStateQuery, dossierWorkflowStart } from '@gov/domain/contract';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';

/**
 * How the dossier verbs reach Temporal: the client, the dossier task queue and, in tests only, a
 * fast working-time clock. The workflow's names come from the shared contract, not its code.
 */
export interface DossierEngine {
  client: Client;
  taskQueue: string;
  clock?: DossierClock;
}

/**
 * Starts the dossier's workflow, idempotently (see dossierWorkflowStart); the dossiers primary
 * key is the permanent guard.
 */
export async function startDossierWorkflow(engine: DossierEngine, input: DossierWorkflowInput): Promise<WorkflowHandle> {
  return engine.client.workflow.start(DOSSIER_WORKFLOW_TYPE, dossierWorkflowStart(engine.clock ? { ...input, clock: engine.clock } : input, engine.taskQueue));
}

/** A dossier row as far as finding its workflow goes. */
export interface DossierWorkflowRef {
  tenantId: string;
  id: string;
  workflowId: string | null;
}

/**
 * The workflow that owns a dossier row: the dossier's own, or, for a province's copy of a dossier
 * another province handed over (liên thông giữa hai tỉnh), the hand-over child that runs that
 * province's steps; the copy's workflow_id names it. A row without one is the dossier's own.
 */
export function dossierHandle(engine: DossierEngine, row: DossierWorkflowRef): WorkflowHandle {
  return engine.client.workflow.getHandle(row.workflowId ?? dossierWorkflowId(row.tenantId, row.id));
}

/**
 * How long a dossier's Query may wait for the worker's answer. It takes milliseconds (seconds on a
 * loaded machine, hence the margin); it was seen waiting for minutes after PostgreSQL restarted
 * under the platform, holding the officer's request open. Past it the call fails as
 * DEADLINE_EXCEEDED, which the API answers 503 so the client asks again.
 */
const QUERY_WAIT_MS = 30_000;

export function queryView(handle: WorkflowHandle, actor?: DossierActor, waitMs = QUERY_WAIT_MS): Promise<DossierView> {
  return handle.client.connection.withDeadline(Date.now() + waitMs, () => (actor ? handle.query(dossierStateQuery, actor) : handle.query(dossierStateQuery)));
}

/** A hand-over child is started by its parent's workflow task: give it a moment to exist. */
export async function queryStartingChild(child: WorkflowHandle): Promise<DossierView> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await queryView(child);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError) || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
