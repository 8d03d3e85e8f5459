import { dossierWorkflowId, type DossierActor, type DossierWorkflowInput } from '@gov/domain';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';

export const START_TOPIC = 'dossier.start';

/** The payload @gov/core's intake writes (StartDossierPayload there). */
export interface StartDossierPayload {
  input: DossierWorkflowInput;
  acceptBy?: DossierActor;
}

/**
 * The relay's half of "commit first, then start": the same idempotent start the API attempts
 * (workflow id from tenant and dossier, USE_EXISTING), and the counter acceptance; a refused
 * acceptance means the API got there first.
 */
export async function startDossier(engine: { client: Client; taskQueue: string }, payload: StartDossierPayload): Promise<void> {
  const handle = await engine.client.workflow.start('dossierWorkflow', {
    workflowId: dossierWorkflowId(payload.input.tenantId, payload.input.dossierId),
    taskQueue: engine.taskQueue,
    workflowIdConflictPolicy: 'USE_EXISTING',
    args: [payload.input],
  });
  if (!payload.acceptBy) return;
  await handle.executeUpdate('accept', { args: [{ actor: payload.acceptBy }] }).catch((error: unknown) => {
    if (!(error instanceof WorkflowUpdateFailedError)) throw error;
  });
}
