import { randomUUID } from 'node:crypto';
import { MS_PER_HOUR } from '@gov/calendar';
import { schema as s, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { DOSSIER_REJECTION_TYPE } from '@gov/domain';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from '../../activities/dossier/test-harness.js';
import { communeSnapshot, createDossierFixture, type DossierFixture } from '../../activities/dossier/testing.js';
import { actionUpdates, confirmOnlinePaymentUpdate, dossierStateQuery } from '@gov/domain/contract';

// Real dev server and PostgreSQL; one bundle and task queue for this file.
let h: Harness;
let f: DossierFixture;
const SLOW = { msPerWorkingHour: MS_PER_HOUR }; // no deadline fires during these tests

beforeAll(async () => {
  h = await startHarness({ databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), namespace: inject('temporalNamespace') });
  f = await createDossierFixture(h.sql, inject('ownerDatabaseUrl'));
});
afterAll(() => h.close());

const rejection = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; details?: unknown[] };
  expect(cause.type).toBe(DOSSIER_REJECTION_TYPE);
  return cause.details?.[0] as { code: string; vi: string; en: string };
};

describe('dossierWorkflow', () => {
  it('runs the happy path, projecting every transition once', async () => {
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    const o = f.officers;
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    await handle.executeUpdate(actionUpdates.assign, { args: [{ actor: o.communeLeader, assigneeUserId: o.specialist.userId }] });
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.communeLeader }] });
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist, note: 'Đủ điều kiện' }] });
    await handle.executeUpdate(actionUpdates.approve, { args: [{ actor: o.communeLeader, signed: true }] });
    const finished = await handle.executeUpdate(actionUpdates.requestFee, { args: [{ actor: o.clerk, amountVnd: 50_000, description: 'Lệ phí' }] });
    expect(finished).toMatchObject({ nationalStatus: 6, feePending: true });
    expect(finished.allowedActions).not.toContain('returnResult');
    await handle.executeUpdate(actionUpdates.recordPayment, { args: [{ actor: o.clerk, reference: 'VNPAY-1' }] });
    await handle.executeUpdate(actionUpdates.returnResult, { args: [{ actor: o.clerk, method: 'online' }] });
    const result = await handle.result();
    expect(result.nationalStatus).toBe(10);

    const row = await h.dossier(f.tenantId, dossierId);
    expect(row).toMatchObject({ nationalStatus: 10, localStatus: 'returned_online', currentUnitId: f.communeId });
    expect(row.finishedAt).not.toBeNull();
    expect(row.returnedAt).not.toBeNull();
    const events = await h.events(f.tenantId, dossierId);
    expect(events.map((e) => e.kind)).toEqual([
      'registered',
      'accepted',
      'assigned',
      'forwarded',
      'forwarded',
      'approved',
      'fee_requested',
      'fee_paid',
      'result_returned',
    ]);
    expect(events).toHaveLength(result.transitions);
    // Search attributes follow the dossier (only changed ones are upserted), without personal data.
    const { searchAttributes } = await handle.describe();
    expect(searchAttributes).toMatchObject({ GovTenantId: [f.tenantId], GovStatus: ['10'], GovProcedureCode: [communeSnapshot(f).procedureCode] });
    // Nine transitions, but only those that changed an attribute sent an upsert of ours (patch
    // markers upsert TemporalChangeVersion on their own).
    const history = (await handle.fetchHistory()).events ?? [];
    const ours = history.filter((e) =>
      Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).some((name) => name.startsWith('Gov')),
    );
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.length).toBeLessThan(result.transitions);
    expect(events.find((e) => e.kind === 'approved')).toMatchObject({
      fromStep: 'approve',
      toStep: 'return',
      actorUserId: o.communeLeader.userId,
      deadlineMet: true,
    });
    const tasks = await h.tasks(f.tenantId, dossierId);
    expect(tasks.map((t) => [t.stepKey, t.status]).sort()).toEqual([
      ['approve', 'done'],
      ['assign', 'done'],
      ['process', 'done'],
      ['receive', 'done'],
      ['return', 'done'],
    ]);
    expect(tasks.find((t) => t.stepKey === 'assign')?.assigneeUserId).toBe(o.specialist.userId);
    expect((await h.notifications(f.tenantId, dossierId)).length).toBe(3);
  });

  it("lets a leader hand an officer's open task to someone else, as when the officer moves or leaves", async () => {
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    const o = f.officers;
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    await handle.executeUpdate(actionUpdates.assign, { args: [{ actor: o.communeLeader, assigneeUserId: o.specialist.userId }] });
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.communeLeader }] });
    const openTask = async () => (await h.tasks(f.tenantId, dossierId)).find((t) => t.status === 'open');
    await handle.executeUpdate(actionUpdates.assign, { args: [{ actor: o.communeLeader, assigneeUserId: o.specialist.userId }] });
    expect(await openTask()).toMatchObject({ stepKey: 'process', assigneeUserId: o.specialist.userId });
    // The specialist leaves; the leader gives the step to another officer of the unit.
    await handle.executeUpdate(actionUpdates.assign, { args: [{ actor: o.communeLeader, assigneeUserId: o.clerk.userId }] });
    expect(await openTask()).toMatchObject({ stepKey: 'process', assigneeUserId: o.clerk.userId });
    await handle.terminate('test over');
  });

  it('refuses at intake with a reason', async () => {
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    const view = await handle.executeUpdate(actionUpdates.refuse, { args: [{ actor: f.officers.reception, reason: 'Không thuộc thẩm quyền' }] });
    expect(view).toMatchObject({ nationalStatus: 3, done: true });
    await handle.result();
    expect(await h.dossier(f.tenantId, dossierId)).toMatchObject({ nationalStatus: 3, localStatus: 'refused' });
    expect((await h.tasks(f.tenantId, dossierId)).map((t) => t.status)).toEqual(['cancelled']);
  });

  it('asks for a supplement once at intake and restarts the 8-hour intake clock', async () => {
    const { handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    const before = await h.view(handle);
    const asked = await handle.executeUpdate(actionUpdates.requestSupplement, {
      args: [{ actor: f.officers.reception, reason: 'Thiếu bản sao', items: ['CCCD'] }],
    });
    expect(asked.nationalStatus).toBe(5);
    const back = await handle.executeUpdate(actionUpdates.submitSupplement, { args: [{ actor: f.citizen }] });
    expect(back.nationalStatus).toBe(1);
    expect(Date.parse(back.intakeDueAt!)).toBeGreaterThan(Date.parse(before.intakeDueAt!));
    const again = await rejection(
      handle.executeUpdate(actionUpdates.requestSupplement, { args: [{ actor: f.officers.reception, reason: 'Lần hai', items: ['x'] }] }),
    );
    expect(again.code).toBe('not_allowed');
    await handle.executeUpdate(actionUpdates.withdraw, { args: [{ actor: f.citizen, reason: 'Không cần nữa' }] });
    expect((await handle.result()).nationalStatus).toBe(7);
  });

  it('stops the clock for a supplement during processing and moves the promised date by the paused time', async () => {
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), { msPerWorkingHour: 60_000 });
    const o = f.officers;
    const accepted = await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.communeLeader }] });
    await handle.executeUpdate(actionUpdates.requestSupplement, { args: [{ actor: o.specialist, reason: 'Bổ sung giấy tờ', items: ['Giấy xác nhận'] }] });
    const paused = await h.view(handle);
    expect(paused.pausedSince).not.toBeNull();
    expect(paused.allowedActions).toEqual([]);
    const resumed = await handle.executeUpdate(actionUpdates.submitSupplement, { args: [{ actor: f.citizen }] });
    const events = await h.events(f.tenantId, dossierId);
    const asked = events.find((e) => e.kind === 'supplement_requested')!;
    const back = events.find((e) => e.kind === 'supplement_submitted')!;
    const pausedMs = back.occurredAt.getTime() - asked.occurredAt.getTime();
    // 1 working minute = 1 s on this clock: paused working time and the shift match the events.
    expect(resumed.pausedWorkingMinutes).toBeCloseTo(pausedMs / 1000, 6);
    expect(Date.parse(resumed.dueAt!) - Date.parse(accepted.dueAt!)).toBe(pausedMs);
    expect((await h.dossier(f.tenantId, dossierId)).dueAt?.toISOString()).toBe(resumed.dueAt);
    // The due date's history keeps both, each from the transition that set it, so a report of a
    // period that ended during the pause still judges by the first (docs/domain/report-rules.md).
    const due = s.dossierDueDates;
    const history = await withTenant(h.sql, f.tenantId, (tx) =>
      tx
        .select({ dueAt: due.dueAt, effectiveAt: due.effectiveAt })
        .from(due)
        .where(and(eq(due.tenantId, f.tenantId), eq(due.dossierId, dossierId)))
        .orderBy(due.effectiveAt),
    );
    expect(history.map((row) => row.dueAt?.toISOString())).toEqual([accepted.dueAt, resumed.dueAt]);
    expect(history.at(-1)!.effectiveAt).toEqual(back.occurredAt);
    await handle.executeUpdate(actionUpdates.stop, { args: [{ actor: o.communeLeader, reason: 'Dừng thử nghiệm' }] });
    expect((await handle.result()).nationalStatus).toBe(8);
  });

  it('refuses an invalid action with a reason and leaves no trace', async () => {
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    const asReception = await h.view(handle);
    expect(asReception.allowedActions).toEqual([]);
    const allowed = await handle.query(dossierStateQuery, f.officers.reception);
    expect(allowed).toMatchObject({ allowedActions: ['accept', 'refuse', 'requestSupplement'] });
    const before = await h.waitForEvents(f.tenantId, dossierId, 1);
    expect((await rejection(handle.executeUpdate(actionUpdates.accept, { args: [{ actor: f.officers.specialist }] }))).code).toBe('wrong_role');
    const otherUnit = { ...f.officers.deptSpecialist, role: 'reception_officer' as const };
    expect((await rejection(handle.executeUpdate(actionUpdates.accept, { args: [{ actor: otherUnit }] }))).code).toBe('wrong_unit');
    expect((await rejection(handle.executeUpdate(actionUpdates.forward, { args: [{ actor: f.officers.reception }] }))).code).toBe('wrong_state');
    const badInput = await rejection(handle.executeUpdate(actionUpdates.refuse, { args: [{ actor: f.officers.reception, reason: '' }] }));
    expect(badInput.code).toBe('invalid_input');
    expect(await h.events(f.tenantId, dossierId)).toEqual(before);
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
    await handle.executeUpdate(actionUpdates.refuse, { args: [{ actor: f.officers.reception, reason: 'Kết thúc' }] });
    await handle.result();
  });
});

// Waiting for the applicant to pay stops the legal clock (docs/domain/fees-and-payment.md#the-legal-clock).
describe('a fee awaited', () => {
  it('stops the clock until paid online, moves the promised date by the wait, and takes one payment of the amount asked', async () => {
    // 1 working minute = 1 s on this clock, so the wait is measurable without any deadline firing.
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), { msPerWorkingHour: 60_000 });
    const o = f.officers;
    const accepted = await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.communeLeader }] });
    const asked = await handle.executeUpdate(actionUpdates.requestFee, { args: [{ actor: o.specialist, amountVnd: 150_000, description: 'Lệ phí' }] });
    expect(asked).toMatchObject({ nationalStatus: 6, feePending: true });
    expect(asked.pausedSince).not.toBeNull();
    // While the clock is stopped for the applicant the office does not move the dossier on.
    expect((await rejection(handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] }))).code).toBe('wrong_state');

    const payment = { paymentId: randomUUID(), orderRef: `01.X-261206-0001.${randomUUID()}`, transactionNo: '14000001' };
    const wrong = await rejection(handle.executeUpdate(confirmOnlinePaymentUpdate, { args: [{ ...payment, amountVnd: 100_000 }] }));
    expect(wrong.en).toMatch(/amount/);
    const paid = await handle.executeUpdate(confirmOnlinePaymentUpdate, { args: [{ ...payment, amountVnd: 150_000 }] });
    expect(paid).toMatchObject({ feePending: false, pausedSince: null });
    expect(paid.nationalStatus).not.toBe(6);
    // A second confirmation finds no fee pending: it changes nothing.
    expect((await rejection(handle.executeUpdate(confirmOnlinePaymentUpdate, { args: [{ ...payment, amountVnd: 150_000 }] }))).code).toBe('wrong_state');

    const events = await h.events(f.tenantId, dossierId);
    const requested = events.find((e) => e.kind === 'fee_requested')!;
    const settled = events.filter((e) => e.kind === 'fee_paid');
    expect(settled).toHaveLength(1);
    expect(settled[0]!.actorUserId).toBeNull();
    expect(settled[0]!.content).toMatchObject({ method: 'online', reference: payment.orderRef, transactionNo: '14000001', amountVnd: 150_000 });
    const waitedMs = settled[0]!.occurredAt.getTime() - requested.occurredAt.getTime();
    expect(paid.pausedWorkingMinutes).toBeCloseTo(waitedMs / 1000, 6);
    expect(Date.parse(paid.dueAt!) - Date.parse(accepted.dueAt!)).toBe(waitedMs);
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] });
    await handle.executeUpdate(actionUpdates.stop, { args: [{ actor: o.communeLeader, reason: 'Dừng thử nghiệm' }] });
    expect((await handle.result()).nationalStatus).toBe(8);
  });

  it('restarts the clock when an officer records a payment at the counter', async () => {
    const { handle } = await h.startDossier(f, communeSnapshot(f), { msPerWorkingHour: 60_000 });
    const o = f.officers;
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.communeLeader }] });
    await handle.executeUpdate(actionUpdates.requestFee, { args: [{ actor: o.specialist, amountVnd: 50_000, description: 'Phí' }] });
    const paid = await handle.executeUpdate(actionUpdates.recordPayment, { args: [{ actor: o.specialist, reference: 'BL-0001' }] });
    expect(paid).toMatchObject({ feePending: false, pausedSince: null });
    expect(paid.pausedWorkingMinutes).toBeGreaterThan(0);
    await handle.executeUpdate(actionUpdates.stop, { args: [{ actor: o.communeLeader, reason: 'Dừng thử nghiệm' }] });
    await handle.result();
  });
});
