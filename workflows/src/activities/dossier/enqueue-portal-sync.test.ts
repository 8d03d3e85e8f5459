import { createDb, schema as s, withTenant } from '@gov/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { projectTransition } from './project-transition.js';
import type { TransitionProjection } from './projection-input.js';
import { createDossierFixture, createDossierRow, type DossierFixture } from './testing.js';

// The projection alone, against PostgreSQL: which transitions queue a record for the national portal.
const { sql } = createDb(inject('databaseUrl'), { max: 2 });
afterAll(() => sql.end({ timeout: 1 }));
let f: DossierFixture;
beforeAll(async () => {
  f = await createDossierFixture(sql, inject('ownerDatabaseUrl'));
});

function transition(dossierId: string, seq: number, dossier: TransitionProjection['dossier']): TransitionProjection {
  const workflowId = `dossier:${dossierId}`;
  return {
    tenantId: f.tenantId,
    dossierId,
    workflowId,
    eventKey: `${workflowId}:step:${seq}`,
    kind: `t${seq}`,
    actorUserId: null,
    fromStep: 'step',
    toStep: null,
    content: {},
    stepDueAt: null,
    deadlineMet: null,
    occurredAt: `2026-03-0${seq}T02:00:00.000Z`,
    dossier,
    tasks: {},
  };
}

const queued = (dossierId: string) =>
  withTenant(sql, f.tenantId, (tx) =>
    tx
      .select({ seq: s.portalSyncOutbox.seq, status: s.portalSyncOutbox.nationalStatus, payload: s.portalSyncOutbox.payload })
      .from(s.portalSyncOutbox)
      .where(and(eq(s.portalSyncOutbox.tenantId, f.tenantId), eq(s.portalSyncOutbox.dossierId, dossierId)))
      .orderBy(asc(s.portalSyncOutbox.seq)),
  );

describe('the projection queues the national portal record', () => {
  it('when the status or a date the portal shows changes, once per transition, never for a repeat', async () => {
    const id = await createDossierRow(sql, f);
    await projectTransition(sql, transition(id, 1, { nationalStatus: 1 }));
    const accepted = transition(id, 2, { nationalStatus: 2, dueAt: '2026-03-09T10:00:00.000Z' });
    await projectTransition(sql, accepted);
    // A retried activity, and a transition that changes nothing the portal holds (a new local sub-state).
    await projectTransition(sql, accepted);
    await projectTransition(sql, transition(id, 3, { nationalStatus: 2, localStatus: 'awaiting_assignment' }));
    // The promised date moves (an apology) while the status stays.
    await projectTransition(sql, transition(id, 4, { dueAt: '2026-03-12T10:00:00.000Z' }));
    const rows = await queued(id);
    expect(rows.map((r) => [r.seq, r.status])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
    ]);
    expect(rows[2]!.payload).toMatchObject({
      status: 2,
      dueAt: '2026-03-12T10:00:00.000Z',
      changedAt: '2026-03-04T02:00:00.000Z',
      applicantName: 'Nguyễn Văn A',
    });
    expect(Object.keys(rows[0]!.payload as object).sort()).toEqual(
      [
        'applicantName',
        'changedAt',
        'channel',
        'dossierCode',
        'dueAt',
        'finishedAt',
        'procedureCode',
        'provinceCode',
        'receivedAt',
        'returnedAt',
        'status',
        'unitCode',
      ].sort(),
    );
  });
});
