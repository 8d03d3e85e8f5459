import { DOSSIER_REJECTION_TYPE } from '@gov/domain';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from '../../activities/dossier/test-harness.js';
import { communeSnapshot, createDossierFixture, type DossierFixture } from '../../activities/dossier/testing.js';
import { actionUpdates, dossierStateQuery } from '@gov/domain/contract';

// Real dev server and PostgreSQL; one bundle and task queue for this file.
let h: Harness;
let f: DossierFixture;
// 1 working hour = 250 ms: the promised date (1 working day) comes 2 s after acceptance.
const FAST = { msPerWorkingHour: 250 };

beforeAll(async () => {
  h = await startHarness({ databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), namespace: inject('temporalNamespace') });
  f = await createDossierFixture(h.sql, inject('ownerDatabaseUrl'));
});
afterAll(() => h.close());

const noDuplicates = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
const iso = (ms: number) => new Date(ms).toISOString();
/** The scenario needs wall-clock time to pass a date while nothing should happen; no race hides here. */
const until = (instant: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - Date.now())));

describe("an apology's new date (Form 04) is watched like the promised date", () => {
  it('flags a missed new date once, even across a worker restart, and takes a later letter that notifies again', async () => {
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f, { days: 1, hours: 8 }), FAST);
    const o = f.officers;
    const accepted = await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    const firstDate = iso(Date.now() + 4_000);
    await handle.executeUpdate(actionUpdates.recordApology, { args: [{ actor: o.communeLeader, reason: 'Chờ ý kiến cơ quan khác', newDueAt: firstDate }] });

    const missed = await h.waitForView(handle.workflowId, (v) => v.apology?.overdue === true);
    expect(missed).toMatchObject({ overdue: true, apology: { count: 1, newDueAt: firstDate, nearDue: false } });
    // The officer is asked for another letter: the action is offered again.
    expect((await handle.query(dossierStateQuery, o.communeLeader)).allowedActions).toContain('recordApology');
    const events = await h.eventually(
      () => h.events(f.tenantId, dossierId),
      (rows) => rows.some((e) => e.kind === 'apology_overdue'),
    );
    expect(events.filter((e) => e.kind === 'apology_overdue')).toMatchObject([
      { stepDueAt: new Date(firstDate), deadlineMet: false, content: { apologyCount: 1, escalate: true } },
    ]);
    // Near-due warned before each date: the promised one, then the apology's.
    expect(events.filter((e) => e.kind === 'near_due').map((e) => (e.content as { dueAt: string }).dueAt)).toEqual([accepted.dueAt, firstDate]);
    // Inbox and search attributes read the date shown to the applicant, now past.
    const row = await h.dossier(f.tenantId, dossierId);
    expect(row.dueAt?.toISOString()).toBe(firstDate);
    expect(row.overdueAt?.toISOString()).toBe(accepted.dueAt);
    expect((await handle.describe()).searchAttributes.GovDueAt).toEqual([new Date(firstDate)]);

    await h.stopWorker();
    await h.startWorker(); // a fresh worker replays the history, the fired deadline included
    const same = await handle.executeUpdate(actionUpdates.recordApology, { args: [{ actor: o.communeLeader, reason: 'Lần hai', newDueAt: firstDate }] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(same).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((same as WorkflowUpdateFailedError).cause).toMatchObject({ type: DOSSIER_REJECTION_TYPE, details: [{ code: 'invalid_input' }] });
    const secondDate = iso(Date.now() + 60_000);
    const again = await handle.executeUpdate(actionUpdates.recordApology, {
      args: [{ actor: o.communeLeader, reason: 'Chờ kết quả xác minh', newDueAt: secondDate }],
    });
    expect(again.apology).toMatchObject({ count: 2, newDueAt: secondDate, overdue: false });
    expect((await h.dossier(f.tenantId, dossierId)).dueAt?.toISOString()).toBe(secondDate);
    await handle.executeUpdate(actionUpdates.stop, { args: [{ actor: o.communeLeader, reason: 'Kết thúc thử nghiệm' }] });
    const result = await handle.result();

    const all = await h.events(f.tenantId, dossierId);
    noDuplicates(all.map((e) => e.eventKey));
    expect(all).toHaveLength(result.transitions);
    expect(all.map((e) => e.kind).sort()).toEqual([
      'accepted',
      'apology_issued',
      'apology_issued',
      'apology_overdue',
      'near_due',
      'near_due',
      'overdue',
      'registered',
      'step_overdue',
      'stopped',
    ]);
    expect(all.filter((e) => e.kind === 'apology_issued').map((e) => e.content)).toMatchObject([
      { apologyCount: 1, newDueAt: firstDate },
      { apologyCount: 2, newDueAt: secondDate, previousDueAt: firstDate },
    ]);
    const sent = await h.notifications(f.tenantId, dossierId);
    expect(sent.map((n) => (n.payload as { template: string }).template).sort()).toEqual([
      'dossier.accepted',
      'dossier.apology',
      'dossier.apology',
      'dossier.stopped',
    ]);
  });

  it('does not watch the new date while the clock is stopped or once processing has finished', async () => {
    // Steps get 16 working hours (4 s): the result-return step's deadline comes after the apology's.
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f, { days: 1, hours: 16 }), FAST);
    const o = f.officers;
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    const newDueAt = Date.now() + 2_500; // after the promised date (2 s), as the validator requires
    await handle.executeUpdate(actionUpdates.recordApology, { args: [{ actor: o.communeLeader, reason: 'Chờ ý kiến', newDueAt: iso(newDueAt) }] });
    await handle.executeUpdate(actionUpdates.requestSupplement, { args: [{ actor: o.communeLeader, reason: 'Bổ sung giấy tờ', items: ['Giấy xác nhận'] }] });
    // The near-due mark (at 2 s) and the new date pass while the citizen holds the clock; the dev
    // server fires a timer up to about a second late, so resume a second after the date.
    await until(newDueAt + 1_000);
    const resumed = await handle.executeUpdate(actionUpdates.submitSupplement, { args: [{ actor: f.citizen }] });
    expect(resumed.apology).toMatchObject({ overdue: false, nearDue: false });
    const events = await h.events(f.tenantId, dossierId);
    // Nothing was flagged while the clock stood still.
    expect(events.map((e) => e.kind).sort()).toEqual(['accepted', 'apology_issued', 'registered', 'supplement_requested', 'supplement_submitted']);
    const asked = events.find((e) => e.kind === 'supplement_requested')!;
    const back = events.find((e) => e.kind === 'supplement_submitted')!;
    // The new date moved by the paused time, as the promised date does (docs/domain/dossier-lifecycle.md).
    const movedDueAt = Date.parse(resumed.apology!.newDueAt);
    expect(movedDueAt - newDueAt).toBe(back.occurredAt.getTime() - asked.occurredAt.getTime());

    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.communeLeader }] });
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] });
    const finished = await handle.executeUpdate(actionUpdates.approve, { args: [{ actor: o.communeLeader, signed: true }] });
    expect(finished.nationalStatus).toBe(9);
    // The return step's own deadline, later than the moved date, fires while the result waits:
    // the workflow has run its deadlines past the moved date and found no apology to escalate.
    const late = await h.eventually(
      () => h.events(f.tenantId, dossierId),
      (rows) => rows.some((e) => e.kind === 'step_overdue' && e.fromStep === 'return'),
    );
    expect(late.find((e) => e.kind === 'step_overdue' && e.fromStep === 'return')!.stepDueAt!.getTime()).toBeGreaterThan(movedDueAt);
    expect(late.map((e) => e.kind)).not.toContain('apology_overdue');
    await handle.executeUpdate(actionUpdates.returnResult, { args: [{ actor: o.clerk, method: 'in_person' }] });
    await handle.result();
  });
});
