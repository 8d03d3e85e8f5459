import { randomUUID } from 'node:crypto';
import { DOSSIER_REJECTION_TYPE } from '@gov/domain';
import { actionUpdates, confirmOnlinePaymentUpdate } from '@gov/domain/contract';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from '../../activities/dossier/test-harness.js';
import { communeSnapshot, createDossierFixture, type DossierFixture } from '../../activities/dossier/testing.js';

// Waiting for the applicant to pay stops the legal clock (docs/domain/fees-and-payment.md#the-legal-clock).
let h: Harness;
let f: DossierFixture;

beforeAll(async () => {
  h = await startHarness({ databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), namespace: inject('temporalNamespace') });
  f = await createDossierFixture(h.sql, inject('ownerDatabaseUrl'));
});
afterAll(() => h.close());

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; details?: unknown[] };
  expect(cause.type).toBe(DOSSIER_REJECTION_TYPE);
  return cause.details?.[0] as { code: string; en: string };
};

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
    expect((await refusal(handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] }))).code).toBe('wrong_state');

    const payment = { paymentId: randomUUID(), orderRef: `01.X-261206-0001.${randomUUID()}`, transactionNo: '14000001' };
    const wrong = await refusal(handle.executeUpdate(confirmOnlinePaymentUpdate, { args: [{ ...payment, amountVnd: 100_000 }] }));
    expect(wrong.en).toMatch(/amount/);
    const paid = await handle.executeUpdate(confirmOnlinePaymentUpdate, { args: [{ ...payment, amountVnd: 150_000 }] });
    expect(paid).toMatchObject({ feePending: false, pausedSince: null });
    expect(paid.nationalStatus).not.toBe(6);
    // A second confirmation finds no fee pending: it changes nothing.
    expect((await refusal(handle.executeUpdate(confirmOnlinePaymentUpdate, { args: [{ ...payment, amountVnd: 150_000 }] }))).code).toBe('wrong_state');

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
