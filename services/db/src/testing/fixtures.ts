import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import type { Sql } from '../client.js';
import * as s from '../schema/index.js';
import { withTenant } from '../tenant/with-tenant.js';

export interface TenantFixture {
  tenantId: string;
  unitId: string;
  userId: string;
  dossierId: string;
  procedureId: string;
}

/** A new tenant, created as the owner (tenants are platform data the app cannot write). */
export async function createTenant(ownerUrl: string, name = 'Tỉnh Thử nghiệm'): Promise<string> {
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await owner<{ id: string }[]>`
      insert into tenants (code, name, full_name, kind)
      values (${`T${randomUUID().slice(0, 8)}`}, ${name}, ${name}, 'province') returning id`;
    if (!row) throw new Error('tenant not created');
    return row.id;
  } finally {
    await owner.end({ timeout: 1 });
  }
}

/**
 * How many rows of a table one fixture writes: one everywhere, but its dossier is counted on its
 * day and on its month (migration 0059), and on its province's month (0066).
 */
export function fixtureRowsIn(table: string): number {
  return ({ dossier_counts: 2, dossier_province_months: 1 } as Record<string, number>)[table] ?? 1;
}

/**
 * One row in every tenant-owned table, written through the app role and withTenant, so each
 * suite can check isolation against real rows of another tenant.
 */
export async function createTenantFixture(args: { sql: Sql; ownerUrl: string; applicantName?: string }): Promise<TenantFixture> {
  const tenantId = await createTenant(args.ownerUrl);
  // An agreement names a second province (quy chế phối hợp): this tenant keeps its own copy.
  const partnerId = await createTenant(args.ownerUrl, 'Tỉnh đối tác');
  return withTenant(args.sql, tenantId, async (tx) => {
    const unitId = randomUUID();
    await tx
      .insert(s.orgUnits)
      .values({ tenantId, id: unitId, path: [unitId], code: `U${unitId.slice(0, 6)}`, name: 'Bộ phận một cửa xã', kind: 'commune_one_stop' });
    const [user] = await tx
      .insert(s.users)
      .values({ login: `officer-${randomUUID()}`, kind: 'officer', displayName: 'Cán bộ' })
      .returning();
    const userId = user!.id;
    await tx.insert(s.tenantUsers).values({ tenantId, userId, fullName: 'Trần Thị Bình', orgUnitId: unitId });
    await tx.insert(s.roleAssignments).values({ tenantId, userId, role: 'specialist', orgUnitId: unitId, reason: 'fixture' });
    const [procedure] = await tx
      .insert(s.procedures)
      .values({
        code: `9.${randomUUID().slice(0, 6)}`,
        version: 1,
        name: 'Thủ tục thử nghiệm',
        sector: 'Giáo dục',
        level: 'commune',
        channels: ['online'],
        processingTime: { online: { days: 5, unit: 'working' } },
        onlineServiceLevel: 'full',
      })
      .returning();
    const procedureId = procedure!.id;
    await tx.insert(s.procedureSettings).values({ tenantId, procedureCode: procedure!.code, receivingUnitIds: [unitId], handlingUnitIds: [unitId] });
    await tx.insert(s.processDefinitions).values({ tenantId, procedureCode: procedure!.code, version: 1, steps: [] });
    const dossierId = randomUUID();
    // Its dossier_counts rows (its day's and its month's) come with it, from the trigger that keeps them.
    await tx.insert(s.dossiers).values({
      tenantId,
      id: dossierId,
      code: `U-${dossierId.slice(0, 8)}`,
      procedureId,
      channel: 'online',
      receivingUnitId: unitId,
      currentUnitId: unitId,
      applicantName: args.applicantName ?? 'Nguyễn Văn A',
      nationalStatus: 2,
      localStatus: 'received',
      receivedAt: new Date(),
    });
    const [file] = await tx
      .insert(s.dossierFiles)
      .values({ tenantId, dossierId, componentCode: 'don', fileName: 'don.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: '00', storageKey: 'k' })
      .returning({ id: s.dossierFiles.id });
    await tx.insert(s.dossierEvents).values({ tenantId, dossierId, eventKey: 'received', kind: 'received' });
    await tx.insert(s.dossierDueDates).values({ tenantId, dossierId, dueAt: new Date(), effectiveAt: new Date(), eventKey: 'received' });
    await tx.insert(s.tasks).values({ tenantId, dossierId, stepKey: 'process', orgUnitId: unitId, role: 'specialist' });
    await tx.insert(s.dossierFees).values({ tenantId, dossierId, kind: 'fee', description: 'Lệ phí', amountVnd: 50_000 });
    await tx.insert(s.payments).values({ tenantId, dossierId, amountVnd: 50_000, method: 'online' });
    await tx.insert(s.feedbackItems).values({ tenantId, subject: 'dossier', dossierId, unitId, authorUserId: userId, content: 'Góp ý', dueAt: new Date() });
    await tx
      .insert(s.satisfactionSurveys)
      .values({ tenantId, dossierId, unitId, procedureCode: procedure!.code, attitude: 5, timeliness: 4, clarity: 4, overall: 5 });
    await tx.insert(s.auditLog).values({ tenantId, action: 'fixture.created', subjectType: 'tenant', subjectId: tenantId });
    await tx.insert(s.outbox).values({ tenantId, topic: 'dossier.start', payload: { dossierId } });
    await tx.insert(s.dossierCodeCounters).values({ tenantId, unitId, day: '2026-01-02', lastNumber: 1 });
    await tx.insert(s.tenantCalendars).values({ tenantId, workingHours: {}, overrides: [{ date: '2026-03-02', status: 'off', name: 'Nghỉ địa phương' }] });
    await tx.insert(s.applicantProvinces).values({ tenantId, userId, firstFiledAt: new Date() });
    await tx.insert(s.idempotencyKeys).values({ tenantId, scope: userId, key: 'k1', requestHash: 'h', response: { dossierId } });
    await tx.insert(s.ministryReads).values({ tenantId, actorUserId: userId, resource: 'GET /api/reports/provinces/:tenantId/units' });
    await tx.insert(s.citizenDocuments).values({
      tenantId,
      ownerUserId: userId,
      sourceDossierId: dossierId,
      sourceDossierCode: `U-${dossierId.slice(0, 8)}`,
      sourceFileId: file!.id,
      componentName: 'Đơn',
      fileName: 'don.pdf',
      contentType: 'application/pdf',
      sha256: '00',
      sizeBytes: 10,
      storageKey: 'k',
      kind: 'submitted',
    });
    await tx.insert(s.dossierDrafts).values({ tenantId, ownerUserId: userId, procedureCode: procedure!.code, procedureName: 'Thủ tục thử nghiệm' });
    await tx.insert(s.portalSyncOutbox).values({ tenantId, dossierId, seq: 1, nationalStatus: 2, payload: {} });
    await tx.insert(s.notificationSenders).values({ tenantId, smsBrandname: 'TINH-TN' });
    await tx.insert(s.notificationDeliveries).values({ tenantId, messageId: randomUUID(), channel: 'sms', status: 'sent' });
    const agreementId = randomUUID();
    await tx.insert(s.handOverAgreements).values({
      tenantId,
      id: agreementId,
      party: 'source',
      sourceTenantId: tenantId,
      targetTenantId: partnerId,
      procedureCode: procedure!.code,
      sourceUnitIds: [unitId],
      targetUnitIds: [randomUUID()],
      allottedWorkingHours: 16,
      status: 'accepted',
      proposedBy: userId,
    });
    await tx
      .insert(s.handOverAgreementUses)
      .values({ tenantId, agreementId, handOverWorkflowId: `fixture-${agreementId}`, dossierId, dossierCode: `U-${dossierId.slice(0, 8)}` });
    await tx.insert(s.intakeRoutingRules).values({ tenantId, competentUnitId: unitId, createdBy: userId });
    const requestedAt = new Date();
    await tx.insert(s.dossierConsultations).values({
      tenantId,
      id: randomUUID(),
      askingTenantId: tenantId,
      consultedTenantId: tenantId,
      dossierId,
      dossierCode: `U-${dossierId.slice(0, 8)}`,
      procedureCode: procedure!.code,
      workflowId: `fixture-${dossierId}`,
      stepKey: 'ask',
      stepName: 'Lấy ý kiến',
      askingUnitId: unitId,
      consultedUnitId: unitId,
      requestedAt,
      dueAt: requestedAt,
    });
    return { tenantId, unitId, userId, dossierId, procedureId };
  });
}

/** Test-only: a catalog procedure's row under a fresh code, named `name` (reports group by it). */
export const testProcedure = (name: string) => ({
  code: `9.${randomUUID().slice(0, 6)}`,
  version: 1,
  name,
  sector: 'Nội vụ',
  level: 'commune' as const,
  channels: ['online' as const, 'in_person' as const],
  processingTime: [{ channel: 'online', amount: 5, unit: 'working_days' }],
  onlineServiceLevel: 'full' as const,
});

/**
 * Test-only: a consultation request's row (dossier_consultations) kept by province `tenantId`, as
 * the workflow would leave it: answered at `answeredAt` or not at all, overdue from its deadline
 * when unanswered or answered after it.
 */
export function testConsultation(r: {
  tenantId: string;
  askingTenantId: string;
  askingUnitId: string;
  consultedTenantId: string;
  consultedUnitId: string;
  requestedAt: Date;
  dueAt: Date;
  answeredAt?: Date;
}) {
  const answeredAt = r.answeredAt ?? null;
  return {
    ...r,
    id: randomUUID(),
    dossierId: randomUUID(),
    dossierCode: `YK-${randomUUID().slice(0, 8)}`,
    procedureCode: '1.000001',
    workflowId: `test-${randomUUID()}`,
    stepKey: 'ask',
    stepName: 'Lấy ý kiến',
    answer: answeredAt ? 'Đồng ý' : null,
    answeredAt,
    overdueAt: !answeredAt || answeredAt > r.dueAt ? r.dueAt : null,
  };
}
