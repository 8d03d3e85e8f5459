import { randomUUID } from 'node:crypto';
import { schema, type TenantDb } from '@gov/db';
import { withTraceCarrier } from '@gov/runtime';
import { dossierWorkflowId, type DossierActor, type DossierCalendarInput, type DossierWorkflowInput } from '@gov/domain';
import { nextDossierCode } from './dossier-code.js';
import { checkFormData, conditionFormData } from './form-data.js';
import { outboxMessage, type StartDossierPayload } from '@gov/domain/contract';
import type { IntakePlan } from './intake-plan.js';
import type { SubmitDossier } from './submit-input.js';

export interface StoredAttachment {
  componentCode: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  /** Given in advance when the file is also kept in the citizen's data store, which points at it. */
  id?: string;
  /** Taken from the citizen's data store: the code of the dossier it first came with. */
  reusedFrom?: string;
  /** Taken from the citizen's data store (so not kept there a second time). */
  fromStore?: true;
}

export interface Registration {
  tenantId: string;
  data: SubmitDossier;
  plan: IntakePlan;
  files: StoredAttachment[];
  submittedBy: string;
  /** The citizen account that owns the dossier: the filer online, the CCCD's confirmed account at the counter, else null. */
  applicantUserId: string | null;
  /** Counter intake: the officer accepts at once, so the dossier starts as received (2). */
  acceptBy: DossierActor | null;
  calendar: DossierCalendarInput;
  receivedAt: Date;
  promisedReturnAt: Date;
  /** Writes the Idempotency-Key's stored answer in the same round trip as the dossier. */
  storeAnswer: (ids: { dossierId: string; code: string; startOutboxId: string }) => Promise<unknown>;
}

/**
 * The intake writes, in the caller's transaction: the daily code, the dossier row, its files,
 * the intake event (who filed it and how, for the control sheet, Form 05), the applicant's
 * notification, the outbox row that starts the workflow should the API's own start fail, and
 * (for a citizen account) the province in the applicant's global list of where they filed.
 */
export async function registerDossier(
  tx: TenantDb,
  r: Registration,
): Promise<{ dossierId: string; code: string; workflowInput: DossierWorkflowInput; startOutboxId: string }> {
  const { tenantId, data, plan } = r;
  const dossierId = randomUUID();
  const code = await nextDossierCode(tx, { tenantId, unitId: plan.receivingUnit.id, unitCode: plan.receivingUnit.code, at: r.receivedAt });
  const workflowId = dossierWorkflowId(tenantId, dossierId);
  const startOutboxId = randomUUID();
  const eventKey = `intake:${dossierId}`;
  // The proxy's name and authorisation go to the tenant's own history, never to Temporal.
  const formData = checkFormData(plan.formFields, data.formData ?? {});
  const tested = conditionFormData(plan.snapshot.steps, formData);
  const proxy = data.proxy ? { fullName: data.proxy.fullName, idSuffix: data.proxy.citizenId.slice(-4), authorisation: data.proxy.authorisation } : null;
  const workflowInput: DossierWorkflowInput = {
    tenantId,
    dossierId,
    snapshot: plan.snapshot,
    receivedAt: r.receivedAt.toISOString(),
    channel: data.channel,
    calendar: r.calendar,
    unitCodes: plan.unitCodes,
    ...(Object.keys(tested).length > 0 ? { formData: tested } : {}),
    ...(r.applicantUserId ? { applicantUserId: r.applicantUserId } : {}),
  };
  const start: StartDossierPayload = { input: workflowInput, ...(r.acceptBy ? { acceptBy: r.acceptBy } : {}) };
  // Issued together: the connection runs them in order (the dossier row before the rows that
  // reference it) in one round trip.
  await Promise.all([
    tx.insert(schema.dossiers).values({
      tenantId,
      id: dossierId,
      code,
      procedureId: plan.procedureId,
      processDefinitionId: plan.snapshot.processDefinitionId,
      channel: data.channel,
      receivingUnitId: plan.receivingUnit.id,
      currentUnitId: plan.receivingUnit.id,
      routedToUnitId: plan.routedToUnitId,
      applicantUserId: r.applicantUserId,
      applicantName: data.applicant.fullName,
      applicantIdSuffix: data.applicant.citizenId.slice(-4),
      applicantPhone: data.applicant.phone ?? null,
      applicantEmail: data.applicant.email ?? null,
      nationalStatus: r.acceptBy ? 2 : 1,
      localStatus: r.acceptBy ? 'received' : 'awaiting_reception',
      receivedAt: r.receivedAt,
      dueAt: r.promisedReturnAt,
      workflowId,
      formData,
    }),
    // The due date's history starts with the promise on the receipt (docs/domain/report-rules.md).
    tx.insert(schema.dossierDueDates).values({ tenantId, dossierId, dueAt: r.promisedReturnAt, effectiveAt: r.receivedAt, eventKey }),
    r.files.length > 0
      ? tx.insert(schema.dossierFiles).values(r.files.map((f) => ({ tenantId, dossierId, uploadedBy: r.submittedBy, ...f })))
      : Promise.resolve(),
    tx.insert(schema.dossierEvents).values({
      tenantId,
      dossierId,
      eventKey,
      kind: 'submitted',
      actorUserId: r.submittedBy,
      toStep: plan.snapshot.steps[0]!.key,
      occurredAt: r.receivedAt,
      content: {
        channel: data.channel,
        proxy,
        note: data.note ?? null,
        files: r.files.map((f) => ({ componentCode: f.componentCode, fileName: f.fileName, sha256: f.sha256 })),
        promisedReturnAt: r.promisedReturnAt.toISOString(),
      },
    }),
    // Each row carries the request's trace context, so its delivery joins the submission's trace.
    tx.insert(schema.outbox).values([
      { tenantId, id: startOutboxId, ...outboxMessage('dossier.start', withTraceCarrier(start)) },
      { tenantId, ...outboxMessage('notification.dossier', withTraceCarrier({ dossierId, template: 'dossier.submitted', eventKey })) },
    ]),
    r.storeAnswer({ dossierId, code, startOutboxId }),
    // Where the citizen filed, for "my dossiers" across provinces; their first dossier here adds it.
    r.applicantUserId
      ? tx.insert(schema.applicantProvinces).values({ userId: r.applicantUserId, tenantId, firstFiledAt: r.receivedAt }).onConflictDoNothing()
      : Promise.resolve(),
  ]);
  return { dossierId, code, workflowInput, startOutboxId };
}
