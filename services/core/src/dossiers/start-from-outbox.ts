import { schema, withTenant, type Sql } from '@gov/db';
import { and, eq, sql as raw } from 'drizzle-orm';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { actionUpdates, type StartDossierPayload } from '@gov/domain/contract';
import { startDossierWorkflow, type DossierEngine } from './engine.js';

/** How long intake waits for Temporal before answering anyway and leaving the rest to the relay. */
const START_WAIT_MS = 3_000;
const ACCEPT_WAIT_MS = 5_000;

/**
 * Carries out a committed `dossier.start` outbox row: start the workflow (idempotent by id), at
 * the counter accept on the officer's behalf, then stamp the row. An Update needs a worker, so
 * its wait is bounded: with no worker the row stays for the relay (which runs in the worker). A
 * refused accept means an earlier attempt already accepted.
 */
export async function startFromOutbox(
  sql: Sql,
  engine: DossierEngine,
  job: { tenantId: string; outboxId: string; payload: StartDossierPayload },
): Promise<void> {
  const handle = await engine.client.connection.withDeadline(Date.now() + START_WAIT_MS, () => startDossierWorkflow(engine, job.payload.input));
  const acceptBy = job.payload.acceptBy;
  if (acceptBy) {
    await engine.client.connection
      .withDeadline(Date.now() + ACCEPT_WAIT_MS, () => handle.executeUpdate(actionUpdates.accept, { args: [{ actor: acceptBy }] }))
      .catch((error: unknown) => {
        if (!(error instanceof WorkflowUpdateFailedError)) throw error;
      });
  }
  stampDispatched(sql, job.tenantId, job.outboxId);
}

/** How long a stamp waits to share one transaction with the stamps of other intakes. */
const STAMP_BATCH_MS = 20;
const pendingStamps = new WeakMap<Sql, Map<string, string[]>>();

/**
 * Marks the row delivered, batched: one transaction per province every few milliseconds instead
 * of one per intake (a third of an intake's statements and one of its two commits). A stamp lost
 * to a crash or an error only means the relay starts the workflow again, which is idempotent
 * (same workflow id), and the relay leaves rows younger than its grace period to this path.
 */
function stampDispatched(sql: Sql, tenantId: string, outboxId: string): void {
  let batch = pendingStamps.get(sql);
  if (!batch) {
    batch = new Map();
    pendingStamps.set(sql, batch);
    setTimeout(() => void flushStamps(sql), STAMP_BATCH_MS);
  }
  batch.set(tenantId, [...(batch.get(tenantId) ?? []), outboxId]);
}

async function flushStamps(sql: Sql): Promise<void> {
  const batch = pendingStamps.get(sql);
  pendingStamps.delete(sql);
  const o = schema.outbox;
  for (const [tenantId, ids] of batch ?? []) {
    await withTenant(sql, tenantId, (tx) =>
      tx
        .update(o)
        .set({ dispatchedAt: new Date() })
        .where(and(eq(o.tenantId, tenantId), raw`${o.id} = any(${raw.param(ids)}::uuid[])`)),
    ).catch(() => undefined);
  }
}
