import { randomUUID } from 'node:crypto';
import { schema as s, withTenant } from '@gov/db';
import { DOSSIER_REJECTION_TYPE } from '@gov/domain';
import { actionUpdates, answerConsultationUpdate } from '@gov/domain/contract';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from '../../activities/dossier/test-harness.js';
import { consultationSnapshot, createDossierFixture, type DossierFixture } from '../../activities/dossier/testing.js';

// Real dev server and PostgreSQL; time is skipped by the injected clock (one working hour passes
// in `msPerWorkingHour` real milliseconds), as in the other dossier workflow tests.
let h: Harness;
let f: DossierFixture;
let policeId: string;
// Three seconds a working hour: an answer given right away stays well within a one-hour deadline on a busy machine.
const clock = { msPerWorkingHour: 3_000 };

beforeAll(async () => {
  h = await startHarness({ databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), namespace: inject('temporalNamespace') });
  f = await createDossierFixture(h.sql, inject('ownerDatabaseUrl'));
  policeId = randomUUID();
  await withTenant(h.sql, f.tenantId, (tx) =>
    tx
      .insert(s.orgUnits)
      .values({ tenantId: f.tenantId, id: policeId, path: [policeId], code: `C${policeId.slice(0, 6)}`, name: 'Công an xã', kind: 'department' }),
  );
});
afterAll(() => h.close());

const requests = (dossierId: string) =>
  withTenant(h.sql, f.tenantId, (tx) =>
    tx
      .select()
      .from(s.dossierConsultations)
      .where(and(eq(s.dossierConsultations.tenantId, f.tenantId), eq(s.dossierConsultations.dossierId, dossierId))),
  );
const opened = (dossierId: string) =>
  h.eventually(
    () => requests(dossierId),
    (rows) => rows.length === 2,
  );
const seqOf = (key: string) => Number(key.slice(key.lastIndexOf(':') + 1));
const kinds = async (dossierId: string) =>
  [...(await h.events(f.tenantId, dossierId))].sort((a, b) => seqOf(a.eventKey) - seqOf(b.eventKey)).map((e) => e.kind);

describe('dossierWorkflow: a parallel consultation (lấy ý kiến)', () => {
  it('continues at the step deadline without the late unit, and still keeps its late answer', async () => {
    const snapshot = consultationSnapshot(f, {
      wait: 'deadline',
      hours: 4,
      units: [
        { orgUnitId: f.departmentId, workingHours: 2 },
        { orgUnitId: policeId, workingHours: 3 },
      ],
    });
    const { dossierId, handle } = await h.startDossier(f, snapshot, clock);
    const o = f.officers;
    const accepted = await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: o.reception }] });
    expect(accepted.step.key).toBe('ask');
    const rows = await opened(dossierId);
    const dept = rows.find((r) => r.consultedUnitId === f.departmentId)!;
    const police = rows.find((r) => r.consultedUnitId === policeId)!;
    // Each deadline from its own working hours, counted from the same opening instant.
    expect(dept.dueAt.getTime() - dept.requestedAt.getTime()).toBe(2 * clock.msPerWorkingHour);
    expect(police.dueAt.getTime() - police.requestedAt.getTime()).toBe(3 * clock.msPerWorkingHour);
    // The officer cannot move the step on by hand while it consults.
    const forward = await handle.executeUpdate(actionUpdates.forward, { args: [{ actor: o.specialist }] }).catch((e: unknown) => e);
    expect(forward).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(((forward as WorkflowUpdateFailedError).cause as { type?: string }).type).toBe(DOSSIER_REJECTION_TYPE);

    const onTime = await handle.executeUpdate(answerConsultationUpdate, {
      args: [{ consultationId: dept.id, answeredBy: o.deptSpecialist.userId, answer: 'Đồng ý' }],
    });
    expect(onTime).toMatchObject({ late: false, stepContinued: false });
    // Nobody answers for the police: its request turns late at 3 hours, the step moves on at 4.
    const atApprove = await h.waitForView(handle.workflowId, (v) => v.step.key === 'approve');
    expect(atApprove.step.key).toBe('approve');
    const late = await handle.executeUpdate(answerConsultationUpdate, {
      args: [{ consultationId: police.id, answeredBy: o.specialist.userId, answer: 'Trả lời muộn' }],
    });
    expect(late).toMatchObject({ late: true, stepContinued: false });
    const again = await handle
      .executeUpdate(answerConsultationUpdate, { args: [{ consultationId: police.id, answeredBy: o.specialist.userId, answer: 'x' }] })
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(WorkflowUpdateFailedError);

    const stored = await h.eventually(
      () => requests(dossierId),
      (r) => r.every((x) => x.answeredAt !== null),
    );
    expect(stored.find((r) => r.id === dept.id)).toMatchObject({ answer: 'Đồng ý', late: false, overdueAt: null });
    expect(stored.find((r) => r.id === police.id)).toMatchObject({ answer: 'Trả lời muộn', late: true });
    expect(await kinds(dossierId)).toEqual([
      'registered',
      'accepted',
      'consultation_requested',
      'consultation_answered',
      'consultation_overdue',
      'consultation_closed_at_deadline',
      'consultation_answered',
    ]);
    const closed = (await h.events(f.tenantId, dossierId)).find((e) => e.kind === 'consultation_closed_at_deadline')!;
    expect(closed).toMatchObject({ fromStep: 'ask', toStep: 'approve', deadlineMet: true });
    expect(closed.content).toEqual({ answered: [dept.id], unanswered: [police.id], late: [police.id] });
    await handle.terminate('test over');
  });

  it('waits for every answer under "wait for all", late or not, and then moves on', async () => {
    const snapshot = consultationSnapshot(f, {
      wait: 'all',
      hours: 3,
      units: [
        { orgUnitId: f.departmentId, workingHours: 1 },
        { orgUnitId: policeId, workingHours: 2 },
      ],
    });
    const { dossierId, handle } = await h.startDossier(f, snapshot, clock);
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: f.officers.reception }] });
    const rows = await opened(dossierId);
    const dept = rows.find((r) => r.consultedUnitId === f.departmentId)!;
    const police = rows.find((r) => r.consultedUnitId === policeId)!;
    await handle.executeUpdate(answerConsultationUpdate, {
      args: [{ consultationId: dept.id, answeredBy: f.officers.deptSpecialist.userId, answer: 'Đồng ý' }],
    });
    // The step's own deadline passes: it runs late and keeps waiting.
    await h.eventually(
      () => kinds(dossierId),
      (k) => k.includes('step_overdue'),
    );
    expect((await h.view(handle)).step.key).toBe('ask');
    const last = await handle.executeUpdate(answerConsultationUpdate, {
      args: [{ consultationId: police.id, answeredBy: f.officers.specialist.userId, answer: 'Không có ý kiến khác' }],
    });
    expect(last).toMatchObject({ late: true, stepContinued: true });
    expect((await h.view(handle)).step.key).toBe('approve');
    expect(await kinds(dossierId)).toEqual([
      'registered',
      'accepted',
      'consultation_requested',
      'consultation_answered',
      'consultation_overdue',
      'step_overdue',
      'consultation_answered',
      'consultation_completed',
    ]);
    const stored = await requests(dossierId);
    expect(stored.map((r) => [r.consultedUnitId === policeId ? 'police' : 'dept', r.late]).sort()).toEqual([
      ['dept', false],
      ['police', true],
    ]);
    await handle.terminate('test over');
  });
});
