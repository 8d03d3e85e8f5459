import { randomUUID } from 'node:crypto';
import { MS_PER_HOUR } from '@gov/calendar';
import { schema, withTenant, withTenantPair } from '@gov/db';
import { NO_AGREEMENT, type ProcessSnapshot } from '@gov/domain';
import { actionUpdates } from '@gov/domain/contract';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from '../../activities/dossier/test-harness.js';
import { createDossierFixture, handOverSnapshot, type DossierFixture } from '../../activities/dossier/testing.js';

// Liên thông giữa hai tỉnh under an agreement (quy chế phối hợp, docs/domain/lien-thong.md): the
// workflow checks for an accepted agreement when the officer hands over. Real dev server and
// PostgreSQL; working hours as long as real hours, so no deadline fires meanwhile.
let h: Harness;
let a: DossierFixture;
let b: DossierFixture;
const SLOW = { msPerWorkingHour: MS_PER_HOUR };

beforeAll(async () => {
  h = await startHarness({ databaseUrl: inject('databaseUrl'), temporalAddress: inject('temporalAddress'), namespace: inject('temporalNamespace') });
  [a, b] = [await createDossierFixture(h.sql, inject('ownerDatabaseUrl')), await createDossierFixture(h.sql, inject('ownerDatabaseUrl'))];
});
afterAll(() => h.close());

/** A's commune hands over to B's department, whose steps end by handing the dossier back. */
function acrossProvinces(): ProcessSnapshot {
  const base = handOverSnapshot(a);
  const [receive, toDept, deptProcess, deptApprove, toCommune, giveBack] = base.steps;
  return {
    ...base,
    steps: [
      receive!,
      { ...toDept!, handOver: { direction: 'up', targetTenantId: b.tenantId, targetUnitId: b.departmentId } },
      { ...deptProcess!, orgUnitId: b.departmentId },
      { ...deptApprove!, orgUnitId: b.departmentId },
      { ...toCommune!, orgUnitId: b.departmentId, handOver: { direction: 'down', targetTenantId: a.tenantId, targetUnitId: a.communeId } },
      giveBack!,
    ],
  };
}

/** Both provinces' copies of one agreement, as the admins' verbs leave them. */
async function agreement(status: 'proposed' | 'accepted'): Promise<string> {
  const id = randomUUID();
  const terms = {
    id,
    sourceTenantId: a.tenantId,
    targetTenantId: b.tenantId,
    procedureCode: handOverSnapshot(a).procedureCode,
    sourceUnitIds: [a.communeId],
    targetUnitIds: [b.departmentId],
    allottedWorkingHours: 40,
    status,
    proposedBy: a.officers.reception.userId,
  };
  await withTenantPair(h.sql, a.tenantId, async (tx, switchTo) => {
    await tx.insert(schema.handOverAgreements).values({ ...terms, tenantId: a.tenantId, party: 'source' });
    await switchTo(b.tenantId);
    await tx.insert(schema.handOverAgreements).values({ ...terms, tenantId: b.tenantId, party: 'target' });
  });
  return id;
}

const copyInB = (dossierId: string) =>
  withTenant(h.sql, b.tenantId, (tx) =>
    tx
      .select({ handedOverFrom: schema.dossiers.handedOverFrom })
      .from(schema.dossiers)
      .where(and(eq(schema.dossiers.tenantId, b.tenantId), eq(schema.dossiers.id, dossierId))),
  );
const uses = (tenantId: string, agreementId: string) =>
  withTenant(h.sql, tenantId, (tx) =>
    tx
      .select({ dossierId: schema.handOverAgreementUses.dossierId })
      .from(schema.handOverAgreementUses)
      .where(and(eq(schema.handOverAgreementUses.tenantId, tenantId), eq(schema.handOverAgreementUses.agreementId, agreementId))),
  );

/** B's copy once the child made it, polled with a deadline (never a blind sleep). */
async function eventuallyCopied(dossierId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await copyInB(dossierId);
    if (rows.length > 0 || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a hand-over to another province', () => {
  it('is refused without an accepted agreement, and nothing reaches the other province', async () => {
    const { dossierId, handle } = await h.startDossier(a, acrossProvinces(), SLOW);
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: a.officers.reception }] });
    const proposed = await agreement('proposed');
    const refusal = await handle.executeUpdate(actionUpdates.handOver, { args: [{ actor: a.officers.reception }] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((refusal as WorkflowUpdateFailedError).cause?.message).toBe(NO_AGREEMENT.en);
    expect(await copyInB(dossierId)).toEqual([]);
    expect(await uses(a.tenantId, proposed)).toEqual([]);
    // The dossier waits at its hand-over step, with no hand-over under way.
    const view = await h.waitForView(handle.workflowId, (v) => v.step.key === 'to-dept');
    expect(view.activeHandOverWorkflowId).toBeNull();
  });

  it('goes ahead under an accepted agreement, is worked in the other province and comes back', async () => {
    const accepted = await agreement('accepted');
    const { dossierId, handle } = await h.startDossier(a, acrossProvinces(), SLOW);
    await handle.executeUpdate(actionUpdates.accept, { args: [{ actor: a.officers.reception }] });
    const handed = await handle.executeUpdate(actionUpdates.handOver, { args: [{ actor: a.officers.reception }] });
    const child = h.client.workflow.getHandle(handed.activeHandOverWorkflowId!);
    // The child starts after the Update returns; its first act is B's own copy of the dossier.
    expect(await eventuallyCopied(dossierId)).toEqual([{ handedOverFrom: a.tenantId }]);
    await h.waitForView(child.workflowId, (v) => v.step.key === 'dept-process');
    // Its use is counted in both provinces, once.
    expect(await uses(a.tenantId, accepted)).toEqual([{ dossierId }]);
    expect(await uses(b.tenantId, accepted)).toEqual([{ dossierId }]);
    await child.executeUpdate(actionUpdates.forward, { args: [{ actor: b.officers.deptSpecialist }] });
    await child.executeUpdate(actionUpdates.approve, { args: [{ actor: b.officers.deptLeader, signed: true }] });
    await child.executeUpdate(actionUpdates.handOver, { args: [{ actor: b.officers.deptSpecialist, note: 'Trả về xã tỉnh A' }] });
    await h.waitForView(handle.workflowId, (v) => v.step.key === 'return');
    await handle.executeUpdate(actionUpdates.returnResult, { args: [{ actor: a.officers.clerk, method: 'in_person' }] });
    expect(await handle.result()).toMatchObject({ nationalStatus: 10 });
  });
});
