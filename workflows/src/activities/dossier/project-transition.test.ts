import { createDb, schema as s, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { projectTransition } from './project-transition.js';
import type { TransitionProjection } from './projection-input.js';
import { createDossierFixture, createDossierRow, type DossierFixture } from './testing.js';

// The activity alone, against PostgreSQL: what `closed_at` becomes for the reports.
const { sql } = createDb(inject('databaseUrl'), { max: 2 });
afterAll(() => sql.end({ timeout: 1 }));
let f: DossierFixture;
beforeAll(async () => {
  f = await createDossierFixture(sql, inject('ownerDatabaseUrl'));
});

/** A transition of `dossierId` at `occurredAt`, its key made from the workflow id and `seq`. */
function transition(dossierId: string, seq: number, occurredAt: string, dossier: TransitionProjection['dossier']): TransitionProjection {
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
    occurredAt,
    dossier,
    tasks: {},
  };
}

const closedAt = async (dossierId: string) => {
  const [row] = await withTenant(sql, f.tenantId, (tx) =>
    tx
      .select({ closedAt: s.dossiers.closedAt, finishedAt: s.dossiers.finishedAt })
      .from(s.dossiers)
      .where(and(eq(s.dossiers.tenantId, f.tenantId), eq(s.dossiers.id, dossierId))),
  );
  return { closedAt: row!.closedAt?.toISOString() ?? null, finishedAt: row!.finishedAt?.toISOString() ?? null };
};

describe('projectTransition writes when the dossier closed', () => {
  it.each([
    [3, 'refused'],
    [7, 'withdrawn'],
    [8, 'stopped'],
  ])('closes a dossier at status %i (%s) at that transition, and a replay keeps it', async (status) => {
    const id = await createDossierRow(sql, f);
    await projectTransition(sql, transition(id, 1, '2026-03-02T02:00:00.000Z', { nationalStatus: 1, finishedAt: null }));
    expect(await closedAt(id)).toEqual({ closedAt: null, finishedAt: null });
    const closing = transition(id, 2, '2026-03-02T08:00:00.000Z', { nationalStatus: status, finishedAt: null });
    await projectTransition(sql, closing);
    // A retried activity carries the same input: the same instant, never the attempt's.
    expect(await projectTransition(sql, closing)).toEqual({ inserted: false });
    expect(await closedAt(id)).toEqual({ closedAt: '2026-03-02T08:00:00.000Z', finishedAt: null });
  });

  it('keeps the first closing instant when a later patch repeats the status, and a late hand-over step does not reopen it', async () => {
    const id = await createDossierRow(sql, f);
    await projectTransition(sql, transition(id, 1, '2026-03-03T08:00:00.000Z', { nationalStatus: 8, finishedAt: null }));
    await projectTransition(sql, transition(id, 2, '2026-03-04T08:00:00.000Z', { nationalStatus: 8, finishedAt: null }));
    // A hand-over child writes only its step columns, never the deadline ones.
    await projectTransition(sql, transition(id, 3, '2026-03-05T08:00:00.000Z', { nationalStatus: 4, localStatus: 'in_review' }));
    expect((await closedAt(id)).closedAt).toBe('2026-03-03T08:00:00.000Z');
  });

  it('closes a dossier with a result at the same instant as finished_at, and leaves an open one open', async () => {
    const id = await createDossierRow(sql, f);
    await projectTransition(sql, transition(id, 1, '2026-03-02T02:00:00.000Z', { nationalStatus: 4, finishedAt: null, dueAt: '2026-03-09T10:00:00.000Z' }));
    expect((await closedAt(id)).closedAt).toBeNull();
    await projectTransition(sql, transition(id, 2, '2026-03-05T03:00:00.000Z', { nationalStatus: 9, finishedAt: '2026-03-05T03:00:00.000Z' }));
    expect(await closedAt(id)).toEqual({ closedAt: '2026-03-05T03:00:00.000Z', finishedAt: '2026-03-05T03:00:00.000Z' });
    // Returning the result later moves neither.
    await projectTransition(
      sql,
      transition(id, 3, '2026-03-06T03:00:00.000Z', { nationalStatus: 10, finishedAt: '2026-03-05T03:00:00.000Z', returnedAt: '2026-03-06T03:00:00.000Z' }),
    );
    expect(await closedAt(id)).toEqual({ closedAt: '2026-03-05T03:00:00.000Z', finishedAt: '2026-03-05T03:00:00.000Z' });
  });
});

describe('projectTransition applies each transition once', () => {
  it('writes nothing when an earlier transition is replayed after later ones: the dossier keeps its last status', async () => {
    const id = await createDossierRow(sql, f);
    const received = transition(id, 1, '2026-03-02T02:00:00.000Z', { nationalStatus: 1, localStatus: 'awaiting_reception', finishedAt: null });
    await projectTransition(sql, received);
    await projectTransition(sql, transition(id, 2, '2026-03-02T03:00:00.000Z', { nationalStatus: 2, localStatus: 'received', finishedAt: null }));
    await projectTransition(
      sql,
      transition(id, 3, '2026-03-03T03:00:00.000Z', { nationalStatus: 10, localStatus: 'returned_in_person', finishedAt: '2026-03-03T03:00:00.000Z' }),
    );
    // An attempt of the first projection that a worker was still running lands last.
    expect(await projectTransition(sql, received)).toEqual({ inserted: false });
    const [row] = await withTenant(sql, f.tenantId, (tx) =>
      tx
        .select({ nationalStatus: s.dossiers.nationalStatus, localStatus: s.dossiers.localStatus })
        .from(s.dossiers)
        .where(and(eq(s.dossiers.tenantId, f.tenantId), eq(s.dossiers.id, id))),
    );
    expect(row).toEqual({ nationalStatus: 10, localStatus: 'returned_in_person' });
  });
});

describe('projectTransition keeps the due date history', () => {
  const history = (dossierId: string) =>
    withTenant(sql, f.tenantId, (tx) =>
      tx
        .select({ dueAt: s.dossierDueDates.dueAt, effectiveAt: s.dossierDueDates.effectiveAt })
        .from(s.dossierDueDates)
        .where(and(eq(s.dossierDueDates.tenantId, f.tenantId), eq(s.dossierDueDates.dossierId, dossierId)))
        .orderBy(s.dossierDueDates.effectiveAt),
    ).then((rows) => rows.map((r) => [r.dueAt?.toISOString() ?? null, r.effectiveAt.toISOString()]));

  it('adds a row each time the due date moves, none when it stays or when a step does not carry it, none on replay', async () => {
    const id = await createDossierRow(sql, f);
    await projectTransition(sql, transition(id, 1, '2026-03-02T02:00:00.000Z', { nationalStatus: 2, dueAt: '2026-03-09T10:00:00.000Z' }));
    await projectTransition(sql, transition(id, 2, '2026-03-03T02:00:00.000Z', { nationalStatus: 4, dueAt: '2026-03-09T10:00:00.000Z' }));
    await projectTransition(sql, transition(id, 3, '2026-03-04T02:00:00.000Z', { localStatus: 'in_review' }));
    // A supplement request pauses the clock; its resumption moves the due date later.
    const resumed = transition(id, 4, '2026-03-12T02:00:00.000Z', { nationalStatus: 4, dueAt: '2026-03-16T10:00:00.000Z' });
    await projectTransition(sql, resumed);
    await projectTransition(sql, resumed);
    expect(await history(id)).toEqual([
      ['2026-03-09T10:00:00.000Z', '2026-03-02T02:00:00.000Z'],
      ['2026-03-16T10:00:00.000Z', '2026-03-12T02:00:00.000Z'],
    ]);
  });
});
