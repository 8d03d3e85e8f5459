import { MS_PER_HOUR } from '@gov/calendar';
import { DOSSIER_REJECTION_TYPE } from '@gov/domain';
import { actionUpdates } from '@gov/domain/contract';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from '../../activities/dossier/test-harness.js';
import { branchingSnapshot, createDossierFixture, type DossierFixture } from '../../activities/dossier/testing.js';

// Real dev server and PostgreSQL. Time is skipped by the injected clock: one working hour passes
// in `msPerWorkingHour` real milliseconds (docs/architecture.md, Temporal: testing).
let h: Harness;
let f: DossierFixture;
const SLOW = { msPerWorkingHour: MS_PER_HOUR };

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
  return cause.details?.[0] as { code: string; vi: string };
};

describe('dossierWorkflow: a branching process (rẽ nhánh)', () => {
  it("follows a condition on the dossier's form data, with each step's deadline from the clock", async () => {
    // 1 working hour = 1 s: the site check's 16 hours run out in 16 s of real time.
    const clock = { msPerWorkingHour: 1_000 };
    const { dossierId, handle } = await h.startDossier(f, branchingSnapshot(f, 1), clock, { dien_tich: 900 });
    const o = f.officers;
    const accepted = await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    expect(accepted.step).toMatchObject({ key: 'site-check', outcomes: [] });
    const events = await h.events(f.tenantId, dossierId);
    const entered = events.find((e) => e.kind === 'accepted')!;
    expect(entered).toMatchObject({ fromStep: 'receive', toStep: 'site-check' });
    expect(entered.content).toMatchObject({ branch: { by: 'condition', rule: 0, field: 'dien_tich' } });
    // The branch's own allotted time (2 working hours here) sets its deadline, and it fires.
    expect(Date.parse(accepted.stepDueAt!) - entered.occurredAt.getTime()).toBe(2 * clock.msPerWorkingHour);
    const overdue = await h.eventually(
      () => h.events(f.tenantId, dossierId),
      (rows) => rows.some((e) => e.kind === 'step_overdue'),
    );
    expect(overdue.find((e) => e.kind === 'step_overdue')).toMatchObject({ deadlineMet: false });
    // The jump rejoins the main line at the decision, skipping the ordinary processing step.
    const atDecision = await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] });
    expect(atDecision.step.key).toBe('decide');
    expect((await h.dossier(f.tenantId, dossierId)).localStatus).toBe('decide');
    await handle.terminate('test over');
  });

  it('takes the other way when the condition does not hold', async () => {
    const { handle } = await h.startDossier(f, branchingSnapshot(f), SLOW, { dien_tich: 120 });
    const accepted = await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: f.officers.reception }] });
    expect(accepted.step.key).toBe('process');
    await handle.terminate('test over');
  });

  it("offers the officer the step's named outcomes and follows the one chosen", async () => {
    const { dossierId, handle } = await h.startDossier(f, branchingSnapshot(f), SLOW, { dien_tich: 120 });
    const o = f.officers;
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    // An outcome where the step has none is refused.
    expect((await rejection(handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist, outcome: 'dong_y' }] }))).vi).toBe(
      'Bước "process" không có lựa chọn hướng xử lý.',
    );
    const atDecision = await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] });
    expect(atDecision.step.outcomes).toEqual([
      { key: 'dong_y', label: 'Đồng ý' },
      { key: 'tu_choi', label: 'Từ chối' },
    ]);
    const none = await rejection(handle.executeUpdate(actionUpdates.approve, { args: [{ actor: o.communeLeader, signed: true }] }));
    expect(none).toMatchObject({ code: 'invalid_input', vi: 'Bước "decide": hãy chọn một hướng xử lý ("Đồng ý", "Từ chối").' });
    await rejection(handle.executeUpdate(actionUpdates.approve, { args: [{ actor: o.communeLeader, signed: true, outcome: 'khac' }] }));
    const refused = await handle.executeUpdate(actionUpdates.approve, { args: [{ actor: o.communeLeader, signed: true, outcome: 'tu_choi' }] });
    expect(refused.step.key).toBe('refusal');
    // Back goes to where the dossier came from (the decision), not to the step above in the list.
    const back = await handle.executeUpdate(actionUpdates.returnToPrevious, { args: [{ actor: o.specialist, reason: 'Xem lại' }] });
    expect(back.step.key).toBe('decide');
    await handle.executeUpdate(actionUpdates.approve, { args: [{ actor: o.communeLeader, signed: true, outcome: 'dong_y' }] });
    const atReturn = await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] });
    expect(atReturn.step.key).toBe('return');
    await handle.executeUpdate(actionUpdates.returnResult, { args: [{ actor: o.clerk, method: 'in_person' }] });
    expect((await handle.result()).nationalStatus).toBe(10);
    const events = await h.events(f.tenantId, dossierId);
    expect(events.filter((e) => e.kind === 'approved').map((e) => [e.toStep, (e.content as { branch: unknown }).branch])).toEqual([
      ['refusal', { by: 'choice', outcome: 'tu_choi', label: 'Từ chối' }],
      ['sign', { by: 'choice', outcome: 'dong_y', label: 'Đồng ý' }],
    ]);
    // One workflow recorded them all: its transition number orders them, where two stamps of the
    // workflow's clock may share a millisecond.
    const seqOf = (key: string) => Number(key.slice(key.lastIndexOf(':') + 1));
    const inOrder = [...events].sort((a, b) => seqOf(a.eventKey) - seqOf(b.eventKey));
    expect(inOrder.map((e) => e.toStep ?? null)).toEqual(['receive', 'process', 'decide', 'refusal', 'decide', 'sign', 'return', null]);
  });
});
