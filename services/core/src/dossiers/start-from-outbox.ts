import { schema, withTenant, type Sql } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { startDossierWorkflow, type DossierEngine, type StartDossierPayload } from './engine.js';

/** How long intake waits for Temporal before answering anyway and leaving the rest to the relay. */
const START_WAIT_MS = 3_000;
const ACCEPT_WAIT_MS = 5_000;

/**
 * Carries out a committed `dossier.start` outbox row: start the workflow (idempotent by id), at
 * the counter accept on the officer's behalf, then stamp the row. An Update needs a worker, so
 * its wait is bounded: with no worker the row stays for the relay (which runs in the worker). A
 * refused accept means an earlier attempt already accepted.
 */
export async function startFromOutbox(sql: Sql, engine: DossierEngine, job: { tenantId: string; outboxId: string; payload: StartDossierPayload }): Promise<void> {
  const handle = await engine.client.connection.withDeadline(Date.now() + START_WAIT_MS, () => startDossierWorkflow(engine, job.payload.input));
  const acceptBy = job.payload.acceptBy;
  if (acceptBy) {
    await engine.client.connection
      .withDeadline(Date.now() + ACCEPT_WAIT_MS, () => handle.executeUpdate('accept', { args: [{ actor: acceptBy }] }))
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowUpdateFailedError)) throw error;
      });
  }
  const o = schema.outbox;
  await withTenant(sql, job.tenantId, (tx) => tx.update(o).set({ dispatchedAt: new Date() }).where(and(eq(o.tenantId, job.tenantId), eq(o.id, job.outboxId))));
}
