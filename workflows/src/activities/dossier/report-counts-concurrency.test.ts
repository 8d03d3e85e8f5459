import { randomUUID } from 'node:crypto';
import { VIETNAM_UTC_OFFSET } from '@gov/calendar';
import { reportProvinceProcedures, reportProvinces, reportProvinceUnits, type DossierCounts, type ServiceContext } from '@gov/core';
import { createDb, schema as s, withTenant } from '@gov/db';
import { createAppAbility } from '@gov/domain';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { projectTransition } from './project-transition.js';
import type { TransitionProjection } from './projection-input.js';
import { createDossierFixture, type DossierFixture } from './testing.js';

// dossier_counts (migration 0059) is kept by a trigger in the transaction that changes a dossier.
// Here real transactions change dossiers through the workflow's projection while the reports are
// read, and every read must equal a count made from the dossiers themselves. No sleeps: the
// writers are held in flight by row locks the test takes and releases, and the test waits for
// what PostgreSQL reports (who is waiting on whom), never for time to pass.
const { db, sql } = createDb(inject('databaseUrl'), { max: 20 });
afterAll(() => sql.end({ timeout: 1 }));

const ministry: ServiceContext = {
  requestId: `test-${randomUUID()}`,
  db,
  sql,
  actor: { userId: randomUUID(), kind: 'ministry', displayName: 'Cán bộ Bộ' },
  ability: createAppAbility([{ action: 'read', subject: 'Report' }]),
  grants: [],
};

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const vn = (local: string) => new Date(`${local}${VIETNAM_UTC_OFFSET}`).toISOString();
let f: DossierFixture;
beforeAll(async () => {
  f = await createDossierFixture(sql, inject('ownerDatabaseUrl'));
});

/** A dossier received on 1 March (by the commune unless told), due on 20 March, written as intake leaves it. */
async function receive(id: string = randomUUID(), unitId = f.communeId): Promise<string> {
  await withTenant(sql, f.tenantId, (tx) =>
    tx.insert(s.dossiers).values({
      tenantId: f.tenantId,
      id,
      code: `X-${id.slice(0, 8)}`,
      procedureId: f.procedureId,
      channel: 'online',
      receivingUnitId: unitId,
      currentUnitId: unitId,
      applicantName: 'Nguyễn Văn A',
      nationalStatus: 4,
      localStatus: 'in_review',
      receivedAt: new Date(vn('2026-03-01T09:00')),
      dueAt: new Date(vn('2026-03-20T17:00')),
    }),
  );
  return id;
}

/** The projection of a result given on `day` of March (late after the 20th). */
function finish(dossierId: string, day: number): TransitionProjection {
  const workflowId = `dossier:${dossierId}`;
  const at = vn(`2026-03-${String(day).padStart(2, '0')}T10:00`);
  return {
    tenantId: f.tenantId,
    dossierId,
    workflowId,
    eventKey: `${workflowId}:approve:1`,
    kind: 'approved',
    actorUserId: null,
    fromStep: 'approve',
    toStep: 'return',
    content: {},
    stepDueAt: null,
    deadlineMet: null,
    occurredAt: at,
    dossier: { nationalStatus: 9, localStatus: 'awaiting_return', finishedAt: at, ...(day > 20 ? { overdueAt: vn('2026-03-20T17:00') } : {}) },
    tasks: {},
  };
}

/** The report's columns counted from the dossiers themselves, in one statement (one snapshot). */
async function fromDossiers(): Promise<Partial<DossierCounts>> {
  const [row] = await withTenant(
    sql,
    f.tenantId,
    (tx) =>
      tx.$client<{ received: number; resolved: number; resolvedLate: number; inProgressAtEnd: number; inProgressOverdue: number }[]>`
      select count(*) filter (where received_at >= ${vn('2026-03-01T00:00')} and received_at < ${vn('2026-04-01T00:00')})::int as received,
        count(*) filter (where finished_at >= ${vn('2026-03-01T00:00')} and finished_at < ${vn('2026-04-01T00:00')})::int as resolved,
        count(*) filter (where finished_at >= ${vn('2026-03-01T00:00')} and finished_at < ${vn('2026-04-01T00:00')} and overdue_at is not null)::int as "resolvedLate",
        count(*) filter (where closed_at is null or closed_at >= ${vn('2026-04-01T00:00')})::int as "inProgressAtEnd",
        count(*) filter (where (closed_at is null or closed_at >= ${vn('2026-04-01T00:00')}) and due_at < ${vn('2026-04-01T00:00')})::int as "inProgressOverdue"
      from dossiers where tenant_id = ${f.tenantId} and received_at < ${vn('2026-04-01T00:00')}`,
  );
  return { ...row!, toHandle: row!.resolved + row!.inProgressAtEnd };
}

/**
 * Reads the three reports and the count from the dossiers while no writer can commit (each is
 * held by a lock the test owns), so all four see the same dossiers: they must agree.
 */
async function expectReportsMatchDossiers(): Promise<Partial<DossierCounts>> {
  const expected = await fromDossiers();
  const byUnit = await reportProvinceUnits({ ctx: ministry, tenantId: f.tenantId, input: MARCH });
  const byProcedure = await reportProvinceProcedures({ ctx: ministry, tenantId: f.tenantId, input: MARCH });
  const national = await reportProvinces({ ctx: ministry, input: MARCH });
  expect(byUnit.totals).toMatchObject(expected);
  expect(byProcedure.totals).toEqual(byUnit.totals);
  expect(national.items.find((line) => line.tenantId === f.tenantId)).toMatchObject(expected);
  expect(await fromDossiers()).toEqual(expected);
  return expected;
}

type Tx = Parameters<Parameters<typeof withTenant>[2]>[0];

/**
 * A transaction holding the row lock `lock` takes (it must find its row, or `missing` is thrown),
 * until `release` is called; a writer that adds to that row waits for it.
 */
async function hold(lock: (tx: Tx) => Promise<{ pid: number }[]>, missing: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: (pid: number) => void;
  const pid = new Promise<number>((resolve) => (locked = resolve));
  const done = withTenant(sql, f.tenantId, async (tx) => {
    const [row] = await lock(tx);
    if (!row) throw new Error(missing);
    locked(row.pid);
    await released;
  });
  return { pid: await pid, release: async () => (release(), await done) };
}

/** The lock on one March day's counts row of the fixture's unit and procedure. */
const holdDay = (day: number) =>
  hold(
    (tx) => tx.$client<{ pid: number }[]>`
      select pg_backend_pid() as pid from dossier_counts
      where tenant_id = ${f.tenantId} and span = 'day' and day = ${`2026-03-${String(day).padStart(2, '0')}`}
        and unit_id = ${f.communeId} and procedure_id = ${f.procedureId} and not handed_in for update`,
    `no counts row for 2026-03-${day}`,
  );

/** A dossier id whose changes add to `stripe`'s row of dossier_province_months (migration 0066). */
function idInStripe(stripe: number): string {
  for (;;) {
    const id = randomUUID();
    if (parseInt(id.slice(-2), 16) % 16 === stripe) return id;
  }
}

/** The lock on the province's March row of one stripe in dossier_province_months. */
const holdStripe = (stripe: number) =>
  hold(
    (tx) => tx.$client<{ pid: number }[]>`
      select pg_backend_pid() as pid from dossier_province_months
      where month = '2026-03-01' and tenant_id = ${f.tenantId} and not handed_in and stripe = ${stripe} for update`,
    `no province row for stripe ${stripe}`,
  );

/**
 * Waits until `n` transactions wait behind the holders' backends, as PostgreSQL sees them: directly,
 * or queued behind another waiter for the same row.
 */
async function blockedBy(holders: number[], n: number) {
  for (let polls = 0; ; polls += 1) {
    const [row] = await sql<{ n: number }[]>`
      with recursive blocked(pid) as (
        select pid from pg_stat_activity where pg_blocking_pids(pid) && ${holders}::int[]
        union
        select a.pid from pg_stat_activity a join blocked b on b.pid = any(pg_blocking_pids(a.pid))
      ) select count(*)::int as n from blocked`;
    if (row!.n >= n) return;
    if (polls > 100_000) throw new Error(`only ${row!.n} of ${n} writers ever waited`);
  }
}

describe('the report figures while dossiers change concurrently', () => {
  it('equal the count from the dossiers before, during and after concurrent results, in whatever order they commit', async () => {
    // One result already given on each of 2–6 March, so each of those days has its counts row.
    const days = [2, 3, 4, 5, 6];
    for (const day of days) await projectTransition(sql, finish(await receive(), day));
    const open = await Promise.all(days.map(() => receive()));
    const before = await expectReportsMatchDossiers();

    // Each writer's result falls on its own day; the test holds every day, so all five
    // transactions run to the trigger's write and wait there, their dossier already changed.
    const holders = await Promise.all(days.map((day) => holdDay(day)));
    const writers = open.map((id, i) => projectTransition(sql, finish(id, days[i]!)));
    await blockedBy(
      holders.map((h) => h.pid),
      days.length,
    );
    expect(await expectReportsMatchDossiers()).toEqual(before);

    // Released one at a time, last day first: after each commit the reports count exactly the
    // results committed, with the others still in flight.
    for (const [i, holder] of [...holders.entries()].reverse()) {
      await holder.release();
      await writers[i];
      const now = await expectReportsMatchDossiers();
      expect(now.resolved).toBe(before.resolved! + (days.length - i));
    }
  });

  it('lose no count when many transactions add to the same rows at once, and reads meanwhile stay whole', async () => {
    await projectTransition(sql, finish(await receive(), 25));
    const open = await Promise.all(Array.from({ length: 8 }, () => receive()));
    const before = await expectReportsMatchDossiers();
    const holder = await holdDay(25);
    const writers = open.map((id) => projectTransition(sql, finish(id, 25)));
    await blockedBy([holder.pid], open.length);
    // Released together: eight transactions queue on the same day and month rows and commit in
    // whatever order PostgreSQL grants them, while the reports are read.
    const reads = Array.from({ length: 6 }, () => reportProvinceUnits({ ctx: ministry, tenantId: f.tenantId, input: MARCH }));
    const national = Array.from({ length: 3 }, () =>
      reportProvinces({ ctx: ministry, input: MARCH }).then((r) => ({ totals: r.items.find((line) => line.tenantId === f.tenantId)! })),
    );
    await holder.release();
    for (const { totals } of await Promise.all([...reads, ...national])) {
      expect(totals.toHandle).toBe(before.toHandle);
      expect(totals.resolved + totals.inProgressAtEnd).toBe(before.toHandle);
      expect(totals.resolvedLate).toBeGreaterThanOrEqual(before.resolvedLate!);
      expect(totals.resolvedLate).toBeLessThanOrEqual(before.resolvedLate! + open.length);
    }
    await Promise.all(writers);
    const after = await expectReportsMatchDossiers();
    expect(after).toMatchObject({ resolved: before.resolved! + open.length, resolvedLate: before.resolvedLate! + open.length });
  });

  it("keep the national rollup exact without making one province's writers wait for each other", async () => {
    // Results on 10 March of dossiers in two stripes, received by two units (the same unit and
    // procedure would meet on their dossier_counts rows first). With stripe 3's row of the
    // province's March held, a writer of stripe 3 waits there while a writer of stripe 9 commits:
    // a province's writers meet on the rollup only when their dossiers share a stripe.
    await projectTransition(sql, finish(await receive(idInStripe(3)), 10));
    const [waiting, passing] = [await receive(idInStripe(3)), await receive(idInStripe(9), f.departmentId)];
    const before = await expectReportsMatchDossiers();
    const holder = await holdStripe(3);
    const waiter = projectTransition(sql, finish(waiting, 10));
    await blockedBy([holder.pid], 1);
    await projectTransition(sql, finish(passing, 10));
    const during = await expectReportsMatchDossiers();
    expect(during.resolved).toBe(before.resolved! + 1);
    await holder.release();
    await waiter;
    expect((await expectReportsMatchDossiers()).resolved).toBe(before.resolved! + 2);
  });
});
