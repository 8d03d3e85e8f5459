import { MS_PER_HOUR } from '@gov/calendar';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from '../../activities/dossier/test-harness.js';
import { communeSnapshot, createDossierFixture, handOverSnapshot, type DossierFixture } from '../../activities/dossier/testing.js';
import { actionUpdates } from '@gov/domain/contract';

// Real dev server and PostgreSQL; one bundle and task queue for this file.
let h: Harness;
let f: DossierFixture;
const SLOW = { msPerWorkingHour: MS_PER_HOUR };

beforeAll(async () => {
  h = await startHarness({ databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), namespace: inject('temporalNamespace') });
  f = await createDossierFixture(h.sql, inject('ownerDatabaseUrl'));
});
afterAll(() => h.close());

const noDuplicates = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);

describe('dossier hand-over and deadlines', () => {
  it('hands a dossier from the commune to the provincial department and back (liên thông)', async () => {
    const { dossierId, handle } = await h.startDossier(f, handOverSnapshot(f), SLOW);
    const o = f.officers;
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    const handed = await handle.executeUpdate(actionUpdates.handOver, { args: [{ actor: o.reception }] });
    const childId = handed.activeHandOverWorkflowId!;
    expect(childId).toContain(handle.workflowId);
    // While the department works, the parent keeps only dossier-level actions; the child takes step actions.
    expect(handed.allowedActions).toEqual(['recordApology']);
    // The row names the child while it owns the step actions: the API routes from it, no Query.
    expect(await h.dossier(f.tenantId, dossierId)).toMatchObject({ handOverWorkflowId: childId });
    const child = h.client.workflow.getHandle(childId);
    await h.waitForView(childId, (v) => v.step.key === 'dept-process');
    // An Update returns once its transition (and every earlier one) is in PostgreSQL.
    await child.executeUpdate(actionUpdates.forward, { args: [{ actor: o.deptSpecialist }] });
    expect(await h.dossier(f.tenantId, dossierId)).toMatchObject({ currentUnitId: f.departmentId, localStatus: 'dept-approve' });
    await child.executeUpdate(actionUpdates.approve, { args: [{ actor: o.deptLeader, signed: true }] });
    await child.executeUpdate(actionUpdates.handOver, { args: [{ actor: o.deptSpecialist, note: 'Trả về xã' }] });
    expect(await child.result()).toMatchObject({ outcome: 'completed', lastStepKey: 'to-commune' });
    const back = await h.waitForView(handle.workflowId, (v) => v.step.key === 'return');
    expect(back.activeHandOverWorkflowId).toBeNull();
    await handle.executeUpdate(actionUpdates.returnResult, { args: [{ actor: o.clerk, method: 'in_person' }] });
    // Projections land in transition order: the return cleared the column before this Update's.
    expect(await h.dossier(f.tenantId, dossierId)).toMatchObject({ handOverWorkflowId: null });
    const result = await handle.result();

    const events = await h.events(f.tenantId, dossierId);
    noDuplicates(events.map((e) => e.eventKey));
    expect(events.map((e) => e.kind)).toEqual([
      'registered',
      'accepted',
      'handed_over',
      'hand_over_received',
      'forwarded',
      'approved',
      'handed_back',
      'hand_over_returned',
      'result_returned',
    ]);
    const childEvents = events.filter((e) => e.eventKey.startsWith(childId));
    expect(childEvents).toHaveLength(4);
    expect(events.length - childEvents.length).toBe(result.transitions);
    expect(await h.dossier(f.tenantId, dossierId)).toMatchObject({ nationalStatus: 10, currentUnitId: f.communeId });
    const tasks = await h.tasks(f.tenantId, dossierId);
    expect(
      tasks
        .filter((t) => t.orgUnitId === f.departmentId)
        .map((t) => t.stepKey)
        .sort(),
    ).toEqual(['dept-approve', 'dept-process', 'to-commune']);
    expect(tasks.every((t) => t.status === 'done')).toBe(true);
  });

  it('flags near-due and overdue; an apology before the deadline sets a new date and the dossier stays overdue', async () => {
    // 1 working hour = 500 ms: 2 working days = 8 s to the promised date, near-due after 6.4 s.
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f, { days: 2, hours: 8 }), { msPerWorkingHour: 500 });
    const o = f.officers;
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    const near = await h.waitForView(handle.workflowId, (v) => v.nearDue || v.overdue);
    expect(near.overdue).toBe(false);
    const newDueAt = new Date(Date.now() + 60_000).toISOString();
    const apologised = await handle.executeUpdate(actionUpdates.recordApology, {
      args: [{ actor: o.communeLeader, reason: 'Chờ ý kiến cơ quan khác', newDueAt }],
    });
    expect(apologised.apology).toMatchObject({ beforeDeadline: true, newDueAt });
    const overdue = await h.waitForView(handle.workflowId, (v) => v.overdue);
    expect(overdue.apology).not.toBeNull();
    const row = await h.eventually(
      () => h.dossier(f.tenantId, dossierId),
      (r) => r.overdueAt !== null,
    );
    expect(row.overdueAt?.toISOString()).toBe(overdue.dueAt);
    expect(row.dueAt?.toISOString()).toBe(newDueAt);
    const kinds = (await h.events(f.tenantId, dossierId)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['near_due', 'apology_issued', 'overdue']));
    await handle.executeUpdate(actionUpdates.stop, { args: [{ actor: o.communeLeader, reason: 'Kết thúc thử nghiệm' }] });
    await handle.result();
    expect((await h.dossier(f.tenantId, dossierId)).overdueAt).not.toBeNull();
  });

  it('survives a worker restart mid-dossier with no duplicated event or notification', async () => {
    const { dossierId, handle } = await h.startDossier(f, communeSnapshot(f), SLOW);
    const o = f.officers;
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.communeLeader }] });
    await h.stopWorker();
    await h.startWorker(); // a fresh worker, same bundle and task queue: it replays the history
    await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] });
    await handle.executeUpdate(actionUpdates.approve, { args: [{ actor: o.communeLeader, signed: true }] });
    await handle.executeUpdate(actionUpdates.returnResult, { args: [{ actor: o.clerk, method: 'postal' }] });
    const result = await handle.result();
    const events = await h.events(f.tenantId, dossierId);
    noDuplicates(events.map((e) => e.eventKey));
    expect(events).toHaveLength(result.transitions);
    expect(events.map((e) => e.kind)).toEqual(['registered', 'accepted', 'forwarded', 'forwarded', 'approved', 'result_returned']);
    const sent = await h.notifications(f.tenantId, dossierId);
    expect(sent.map((n) => (n.payload as { template: string }).template).sort()).toEqual(['dossier.accepted', 'dossier.result_returned']);
  });
});
