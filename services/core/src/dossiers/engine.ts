import { dossierWorkflowId, type DossierActor, type DossierClock, type DossierView, type DossierWorkflowInput } from '@gov/domain';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';

/**
 * How the dossier verbs reach Temporal: the client, the dossier task queue and, in tests only, a
 * fast working-time clock. Workflows, Updates and the Query are named by string so the service
 * layer does not import workflow code (the names are the domain's DossierAction values).
 */
export interface DossierEngine {
  client: Client;
  taskQueue: string;
  clock?: DossierClock;
}

/** The outbox topic that (re)starts a dossier's workflow if the API's own start did not happen. */
export const START_TOPIC = 'dossier.start';

/** What the intake transaction writes to the outbox: enough to start, and for counter intake, accept. */
export interface StartDossierPayload {
  input: DossierWorkflowInput;
  /** Counter intake: the officer who received the complete dossier accepts it at once. */
  acceptBy?: DossierActor;
}

/**
 * Starts the dossier's workflow, idempotently: the id is derived from tenant and dossier and a
 * second start returns the running workflow (USE_EXISTING), so the API, a client retry and the
 * outbox relay may all call this. The dossiers primary key is the permanent guard.
 */
export async function startDossierWorkflow(engine: DossierEngine, input: DossierWorkflowInput): Promise<WorkflowHandle> {
  return engine.client.workflow.start('dossierWorkflow', {
    workflowId: dossierWorkflowId(input.tenantId, input.dossierId),
    taskQueue: engine.taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [engine.clock ? { ...input, clock: engine.clock } : input],
  });
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

export function queryView(handle: WorkflowHandle, actor?: DossierActor): Promise<DossierView> {
  return actor ? handle.query<DossierView, [DossierActor]>('dossierState', actor) : handle.query<DossierView, []>('dossierState');
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
