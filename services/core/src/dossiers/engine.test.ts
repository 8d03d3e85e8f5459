import { randomUUID } from 'node:crypto';
import { DOSSIER_WORKFLOW_TYPE } from '@gov/domain/contract';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, it, inject } from 'vitest';
import { queryView } from './engine.js';

// A dossier's Query against the real Temporal server: when no worker answers it, it gives up at
// its deadline (DEADLINE_EXCEEDED, or CANCELLED when the server's side of the call ends first;
// the API answers both 503) instead of holding a request forever.
let connection: Connection;
let client: Client;
beforeAll(async () => {
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: inject('temporalNamespace') });
});
afterAll(() => connection.close());

it('gives up on a Query no worker answers at its deadline, as DEADLINE_EXCEEDED or CANCELLED', async () => {
  // A task queue no worker polls: the Query waits for a worker that never comes.
  const handle = await client.workflow.start(DOSSIER_WORKFLOW_TYPE, {
    taskQueue: `no-worker-${randomUUID()}`,
    workflowId: `query-deadline-${randomUUID()}`,
    args: [],
  });
  try {
    const error = await queryView(handle, undefined, 1_000).then(
      () => null,
      (e: unknown) => e as { code?: number; cause?: { code?: number } },
    );
    // gRPC status 4 or 1, on the error or on what it wraps.
    expect([4, 1]).toContain(error?.code ?? error?.cause?.code);
  } finally {
    await handle.terminate('test over');
  }
});
