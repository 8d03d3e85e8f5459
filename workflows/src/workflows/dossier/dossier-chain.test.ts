import { randomUUID } from 'node:crypto';
import { MS_PER_HOUR } from '@gov/calendar';
import { schema, withTenant, withTenantPair } from '@gov/db';
import { NO_AGREEMENT, type DossierRejection, type ProcessSnapshot } from '@gov/domain';
import { actionUpdates } from '@gov/domain/contract';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from '../../activities/dossier/test-harness.js';
import { createDossierFixture, handOverSnapshot, type DossierFixture } from '../../activities/dossier/testing.js';

// A chain of hand-overs (liên thông nhiều chặng, docs/domain/lien-thong.md): province A hands a
// dossier to B under agreement A→B, B hands its part on to C under B→C, C hands back to B and B
// back to A. Real dev server and PostgreSQL; working hours as long as real hours, so no deadline
// fires meanwhile.
let h: Harness;
let a: DossierFixture;
let b: DossierFixture;
let c: DossierFixture;
const SLOW = { msPerWorkingHour: MS_PER_HOUR };

beforeAll(async () => {
  h = await startHarness({ databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), namespace: inject('temporalNamespace') });
  const owner = inject('ownerDatabaseUrl');
  [a, b, c] = [await createDossierFixture(h.sql, owner), await createDossierFixture(h.sql, owner), await createDossierFixture(h.sql, owner)];
});
afterAll(() => h.close());

/** A's commune → B's department → C's department → back to B → back to A's commune. */
function chain(onward: { tenantId: string; unitId: string } = { tenantId: c.tenantId, unitId: c.departmentId }): ProcessSnapshot {
  const base = handOverSnapshot(a);
  const [receive, toDept, deptProcess, deptApprove, toCommune, giveBack] = base.steps;
  const atB = { orgUnitId: b.departmentId };
  const atC = { orgUnitId: c.departmentId };
  return {
    ...base,
    steps: [
      receive!,
      { ...toDept!, key: 'to-b', handOver: { direction: 'up', targetTenantId: b.tenantId, targetUnitId: b.departmentId } },
      { ...deptProcess!, ...atB, key: 'b-process' },
      { ...toCommune!, ...atB, key: 'b-onward', handOver: { direction: 'up', targetTenantId: onward.tenantId, targetUnitId: onward.unitId } },
      { ...deptApprove!, ...atC, key: 'c-approve' },
      { ...toCommune!, ...atC, key: 'c-back', handOver: { direction: 'down', targetTenantId: b.tenantId, targetUnitId: b.departmentId } },
      { ...toCommune!, ...atB, key: 'b-back', handOver: { direction: 'down', targetTenantId: a.tenantId, targetUnitId: a.communeId } },
      giveBack!,
    ],
  };
}

/** Both provinces' copies of one accepted agreement, as the admins' verbs leave them. */
async function agreement(from: DossierFixture, fromUnit: string, to: DossierFixture, toUnit: string): Promise<string> {
  const id = randomUUID();
  const terms = {
    id,
    sourceTenantId: from.tenantId,
    targetTenantId: to.tenantId,
    procedureCode: handOverSnapshot(a).procedureCode,
    sourceUnitIds: [fromUnit],
    targetUnitIds: [toUnit],
    allottedWorkingHours: 40,
    status: 'accepted' as const,
    proposedBy: from.officers.reception.userId,
  };
  await withTenantPair(h.sql, from.tenantId, async (tx, switchTo) => {
    await tx.insert(schema.handOverAgreements).values({ ...terms, tenantId: from.tenantId, party: 'source' });
    await switchTo(to.tenantId);
    await tx.insert(schema.handOverAgreements).values({ ...terms, tenantId: to.tenantId, party: 'target' });
  });
  return id;
}

/** Withdrawal writes both copies, as the admin's verb does. */
async function withdraw(id: string, from: DossierFixture, to: DossierFixture): Promise<void> {
  const a = schema.handOverAgreements;
  await withTenantPair(h.sql, from.tenantId, async (tx, switchTo) => {
    await tx
      .update(a)
      .set({ status: 'withdrawn' })
      .where(and(eq(a.tenantId, from.tenantId), eq(a.id, id)));
    await switchTo(to.tenantId);
    await tx
      .update(a)
      .set({ status: 'withdrawn' })
      .where(and(eq(a.tenantId, to.tenantId), eq(a.id, id)));
  });
}

/** What a province's own tenant context shows of the dossier: its rows, never another's. */
const seenBy = (tenantId: string, dossierId: string) =>
  withTenant(h.sql, tenantId, (tx) =>
    tx
      .select({ tenantId: schema.dossiers.tenantId, handedOverFrom: schema.dossiers.handedOverFrom, workflowId: schema.dossiers.workflowId })
      .from(schema.dossiers)
      .where(eq(schema.dossiers.id, dossierId)),
  );
/**
 * A link's first act is the receiving province's own copy; its Query is registered after that,
 * so wait for the copy (polled with a deadline) before asking the link anything.
 */
const copied = (to: DossierFixture, dossierId: string) =>
  h.eventually(
    () => seenBy(to.tenantId, dossierId),
    (rows) => rows.length > 0,
  );
const uses = (tenantId: string, agreementId: string) =>
  withTenant(h.sql, tenantId, (tx) =>
    tx
      .select({ dossierId: schema.handOverAgreementUses.dossierId })
      .from(schema.handOverAgreementUses)
      .where(eq(schema.handOverAgreementUses.agreementId, agreementId)),
  );
/** A workflow's events in one province, by transition number (the last part of the event key). */
const inOrder = <E extends { eventKey: string }>(events: E[]) => [...events].sort((x, y) => seq(x.eventKey) - seq(y.eventKey));
const seq = (eventKey: string) => Number(eventKey.slice(eventKey.lastIndexOf(':') + 1));
const kinds = async (tenantId: string, dossierId: string) => inOrder(await h.events(tenantId, dossierId)).map((e) => e.kind);
const refusal = (error: unknown) => {
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause as Error & { details?: DossierRejection[] };
};

/** The dossier handed from A to B, with B's child working `b-process`. */
async function handedToB() {
  const { dossierId, handle } = await h.startDossier(a, chain(), SLOW);
  await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: a.officers.reception }] });
  const handed = await handle.executeUpdate(actionUpdates.handOver, { args: [{ actor: a.officers.reception }] });
  const inB = h.client.workflow.getHandle(handed.activeHandOverWorkflowId!);
  await copied(b, dossierId);
  await h.waitForView(inB.workflowId, (v) => v.step.key === 'b-process');
  await inB.executeUpdate(actionUpdates.forward, { args: [{ actor: b.officers.deptSpecialist }] });
  return { dossierId, handle, inB };
}

describe('a chain of hand-overs to a third province', () => {
  let aToB: string;
  let bToC: string;
  beforeAll(async () => {
    aToB = await agreement(a, a.communeId, b, b.departmentId);
    bToC = await agreement(b, b.departmentId, c, c.departmentId);
  });

  it('goes A → B → C under each link’s agreement, each link returning to its sender, and C sees only its own copy', async () => {
    const { dossierId, handle, inB } = await handedToB();
    const onward = await inB.executeUpdate(actionUpdates.handOver, { args: [{ actor: b.officers.deptSpecialist, note: 'Chuyển tỉnh C' }] });
    expect(onward.allowedActions).toEqual([]);
    const inC = h.client.workflow.getHandle(onward.activeHandOverWorkflowId!);
    expect(inC.workflowId).toContain(inB.workflowId);
    await copied(c, dossierId);
    await h.waitForView(inC.workflowId, (v) => v.step.key === 'c-approve');
    // B's row names the link that owns the step actions now, like A's names B's.
    expect(await h.dossier(b.tenantId, dossierId)).toMatchObject({ handOverWorkflowId: inC.workflowId });
    // The B→C use is counted in B and C; A is no party to that agreement.
    expect(await uses(b.tenantId, bToC)).toEqual([{ dossierId }]);
    expect(await uses(c.tenantId, bToC)).toEqual([{ dossierId }]);
    expect(await uses(a.tenantId, bToC)).toEqual([]);
    expect(await uses(c.tenantId, aToB)).toEqual([]);
    // A supplement asked for in C stops the applicant's clock, which A keeps: the pause goes up
    // the chain link by link, and so does the restart.
    await inC.executeUpdate(actionUpdates.requestSupplement, { args: [{ actor: c.officers.deptLeader, reason: 'Bổ sung giấy tờ', items: ['Bản sao'] }] });
    await h.eventually(
      () => kinds(a.tenantId, dossierId),
      (k) => k.includes('clock_paused'),
    );
    await inC.executeUpdate(actionUpdates.submitSupplement, { args: [{ actor: a.citizen }] });
    await h.eventually(
      () => kinds(a.tenantId, dossierId),
      (k) => k.includes('clock_resumed'),
    );
    // A fresh worker replays all three links' histories and carries on.
    await h.stopWorker();
    await h.startWorker();
    // C's officers work C's steps; B's officer is not C's.
    const wrongUnit = await inC.executeUpdate(actionUpdates.approve, { args: [{ actor: b.officers.deptLeader, signed: true }] }).catch((e: unknown) => e);
    expect(refusal(wrongUnit).details?.[0]?.code).toBe('wrong_unit');
    await inC.executeUpdate(actionUpdates.approve, { args: [{ actor: c.officers.deptLeader, signed: true }] });
    await inC.executeUpdate(actionUpdates.handOver, { args: [{ actor: c.officers.deptSpecialist, note: 'Trả tỉnh B' }] });
    expect(await inC.result()).toMatchObject({ outcome: 'completed', lastStepKey: 'c-back' });
    // C's result returns to B, which hands its own back to A.
    await h.waitForView(inB.workflowId, (v) => v.step.key === 'b-back' && v.activeHandOverWorkflowId === null);
    await inB.executeUpdate(actionUpdates.handOver, { args: [{ actor: b.officers.deptSpecialist, note: 'Trả tỉnh A' }] });
    await h.waitForView(handle.workflowId, (v) => v.step.key === 'return');
    await handle.executeUpdate(actionUpdates.returnResult, { args: [{ actor: a.officers.clerk, method: 'in_person' }] });
    expect(await handle.result()).toMatchObject({ nationalStatus: 10 });

    // Each province sees exactly its own row; only A's counts nationally (report-rules.md, rule 3).
    expect(await seenBy(a.tenantId, dossierId)).toEqual([{ tenantId: a.tenantId, handedOverFrom: null, workflowId: handle.workflowId }]);
    expect(await seenBy(b.tenantId, dossierId)).toEqual([{ tenantId: b.tenantId, handedOverFrom: a.tenantId, workflowId: inB.workflowId }]);
    expect(await seenBy(c.tenantId, dossierId)).toEqual([{ tenantId: c.tenantId, handedOverFrom: b.tenantId, workflowId: inC.workflowId }]);
    // The path is recorded in each province for its own part, ordered by transition number.
    expect(await kinds(c.tenantId, dossierId)).toEqual(['hand_over_received', 'supplement_requested', 'supplement_submitted', 'approved', 'handed_back']);
    const inBEvents = inOrder(await h.events(b.tenantId, dossierId));
    expect(inBEvents.map((e) => e.kind)).toEqual(['hand_over_received', 'forwarded', 'handed_over', 'hand_over_returned', 'handed_back']);
    expect(inBEvents.find((e) => e.kind === 'handed_over')?.content).toMatchObject({ agreementId: bToC, targetTenantId: c.tenantId });
    expect((await h.events(c.tenantId, dossierId)).every((e) => e.eventKey.startsWith(`${inC.workflowId}:`))).toBe(true);
  });

  it('refuses the onward link once B→C is withdrawn: nothing reaches C and B keeps the dossier at its step', async () => {
    const { dossierId, inB } = await handedToB();
    await withdraw(bToC, b, c);
    const refused = refusal(await inB.executeUpdate(actionUpdates.handOver, { args: [{ actor: b.officers.deptSpecialist }] }).catch((e: unknown) => e));
    expect(refused.message).toBe(NO_AGREEMENT.en);
    expect(await seenBy(c.tenantId, dossierId)).toEqual([]);
    // B keeps the dossier at its onward step, with no link under way.
    const view = await h.waitForView(inB.workflowId, (v) => v.step.key === 'b-onward');
    expect(view.activeHandOverWorkflowId).toBeNull();
  });

  it('refuses a link back into a province already in the chain, in Vietnamese', async () => {
    const { dossierId, handle } = await h.startDossier(a, chain({ tenantId: a.tenantId, unitId: a.communeId }), SLOW);
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: a.officers.reception }] });
    const handed = await handle.executeUpdate(actionUpdates.handOver, { args: [{ actor: a.officers.reception }] });
    const inB = h.client.workflow.getHandle(handed.activeHandOverWorkflowId!);
    await copied(b, dossierId);
    await h.waitForView(inB.workflowId, (v) => v.step.key === 'b-process');
    await inB.executeUpdate(actionUpdates.forward, { args: [{ actor: b.officers.deptSpecialist }] });
    const cycle = refusal(await inB.executeUpdate(actionUpdates.handOver, { args: [{ actor: b.officers.deptSpecialist }] }).catch((e: unknown) => e));
    expect(cycle.details?.[0]).toMatchObject({
      code: 'not_allowed',
      vi: 'Không thể chuyển liên thông: hồ sơ đã qua tỉnh này trong chuỗi liên thông; không được chuyển vòng trở lại (chỉ chuyển trả ở bước cuối).',
    });
    // A's own row is untouched by B's attempt: still handed over, still A's workflow only.
    expect(await seenBy(a.tenantId, dossierId)).toEqual([{ tenantId: a.tenantId, handedOverFrom: null, workflowId: handle.workflowId }]);
    expect(await kinds(a.tenantId, dossierId)).toEqual(['registered', 'accepted', 'handed_over']);
  });
});
