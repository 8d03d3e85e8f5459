import { createConnection } from 'node:net';
import type postgres from 'postgres';
import { Connection, WorkflowClient } from '@temporalio/client';

export interface DossierRow {
  id: string;
  applicantEmail: string;
  nationalStatus: number;
  workflowId: string | null;
}

/** Every dossier whose applicant email carries `marker`, as PostgreSQL holds it. */
export async function dossiersMarked(admin: postgres.Sql, marker: string): Promise<DossierRow[]> {
  return admin<DossierRow[]>`
    select id, applicant_email as "applicantEmail", national_status as "nationalStatus", workflow_id as "workflowId"
    from dossiers where applicant_email like ${`%${marker}%`} and handed_over_from is null`;
}

/** Outbox rows written since `since` and not delivered yet (what the relay still owes). */
export async function pendingOutbox(admin: postgres.Sql, since: Date): Promise<number> {
  const [row] = await admin<{ n: number }[]>`select count(*)::int as n from outbox where dispatched_at is null and created_at >= ${since}`;
  return row?.n ?? 0;
}

/**
 * Polls `read` until `done` holds, failing with the last value after `timeoutMs`. For outcomes
 * that settle asynchronously (the relay drains the outbox, a workflow finishes); never to wait
 * out a race.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The execution status of each workflow, as the Temporal server reports it. */
export async function workflowStatuses(address: string, namespace: string, workflowIds: string[]): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    const client = new WorkflowClient({ connection, namespace });
    return await Promise.all(workflowIds.map(async (id) => (await client.getHandle(id).describe()).status.name));
  } finally {
    await connection.close();
  }
}

/**
 * The tasks Temporal has handed to a worker whose identity starts with `identityPrefix` and that
 * it has not finished: activities it started (the server's pending activity, with the worker that
 * took it) and workflow tasks whose started event (with the poller's identity) has no outcome yet.
 */
export async function tasksHeldBy(address: string, namespace: string, workflowIds: string[], identityPrefix: string): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    const client = new WorkflowClient({ connection, namespace });
    const held = await Promise.all(
      workflowIds.map(async (id) => {
        const handle = client.getHandle(id);
        const { raw } = await handle.describe();
        const activities = (raw.pendingActivities ?? [])
          .filter((a) => a.lastWorkerIdentity?.startsWith(identityPrefix) && a.lastStartedTime)
          .map((a) => `${id}: activity ${a.activityType?.name ?? '?'}`);
        const events = (await handle.fetchHistory()).events ?? [];
        const started = events.findLast((e) => e.workflowTaskStartedEventAttributes);
        const ended =
          started &&
          events.some(
            (e) =>
              Number(e.eventId) > Number(started.eventId) &&
              (e.workflowTaskCompletedEventAttributes || e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes),
          );
        const task =
          started?.workflowTaskStartedEventAttributes?.identity?.startsWith(identityPrefix) && !ended
            ? [`${id}: workflow task ${String(started.eventId)}`]
            : [];
        return [...activities, ...task];
      }),
    );
    return held.flat();
  } finally {
    await connection.close();
  }
}

/** True when nothing accepts a connection on 127.0.0.1:`port` (ECONNREFUSED): a server that is really down. */
export function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}
