import { actionUpdates, DOSSIER_WORKFLOW_TYPE, dossierWorkflowStart, type StartDossierPayload } from '@gov/domain/contract';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';

/**
 * The relay's half of "commit first, then start": the same idempotent start the API attempts,
 * and the counter acceptance; a refused acceptance means the API got there first.
 */
export async function startDossier(engine: { client: Client; taskQueue: string }, payload: StartDossierPayload): Promise<void> {
  const handle = await engine.client.workflow.start(DOSSIER_WORKFLOW_TYPE, dossierWorkflowStart(payload.input, engine.taskQueue));
  if (!payload.acceptBy) return;
  await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: payload.acceptBy }] }).catch((error: unknown) => {
    if (!(error instanceof WorkflowUpdateFailedError)) throw error;
  });
}
