import { Channel, ChannelTime, DOSSIER_ACTIONS, DossierComponent, FormField, ProcedureCase, ProcedureCode } from '@gov/domain';
import * as v from 'valibot';

// What the dossier routes answer, declared once for the OpenAPI document and checked against the
// handlers' results at compile time (see answer.ts).

const Uuid = v.pipe(v.string(), v.uuid());

/** Counter intake: what the officer may receive, where, and which papers each case needs. */
export const IntakeProcedures = v.object({
  items: v.array(
    v.object({
      code: ProcedureCode,
      name: v.string(),
      channels: v.array(Channel),
      processingTime: v.array(ChannelTime),
      cases: v.array(
        v.object({
          code: ProcedureCase.entries.code,
          name: v.string(),
          components: v.array(v.pick(DossierComponent, ['code', 'name', 'originals', 'copies', 'required'])),
        }),
      ),
      /** The fields the procedure's forms declare, filled in at the counter as the applicant gives them. */
      formFields: v.array(FormField),
      receivingUnits: v.array(v.object({ id: Uuid, name: v.string() })),
    }),
  ),
});

const Instant = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 with offset'));
const DossierChannel = v.picklist(['online', 'in_person', 'postal', 'proxy']);
/** The current step; `outcomes`: the named outcomes the officer completing the step chooses among (a branch by choice). */
const Step = v.object({
  index: v.number(),
  key: v.string(),
  kind: v.string(),
  name: v.string(),
  orgUnitId: Uuid,
  role: v.string(),
  outcomes: v.optional(v.array(v.object({ key: v.string(), label: v.string() }))),
});

/** Form 01 as data: what the receipt says, and the lookup token its QR code holds. */
export const Receipt = v.object({
  form: v.literal('01'),
  title: v.string(),
  code: v.string(),
  procedureName: v.string(),
  receivingUnitName: v.string(),
  applicantName: v.string(),
  channel: DossierChannel,
  channelText: v.string(),
  components: v.array(
    v.object({
      code: v.string(),
      name: v.string(),
      files: v.array(v.object({ componentCode: v.string(), fileName: v.string(), sizeBytes: v.number(), sha256: v.string() })),
    }),
  ),
  receivedAt: Instant,
  promisedReturnAt: Instant,
  text: v.pipe(v.string(), v.description('One line for a screen reader or an SMS')),
  statusLookup: v.object({ token: v.string(), path: v.string() }),
});

/** The VietQR code for a pending fee: the payload is the text the QR code encodes. */
export const PaymentQr = v.object({
  amountVnd: v.number(),
  description: v.string(),
  reference: v.pipe(v.string(), v.description('Transfer content: the dossier code, ASCII, at most 25 characters')),
  payload: v.pipe(v.string(), v.description('EMVCo merchant-presented payload as NAPAS VietQR specifies it')),
  beneficiary: v.object({ bin: v.string(), account: v.string() }),
});

const Task = v.object({
  stepKey: v.string(),
  orgUnitId: Uuid,
  role: v.string(),
  status: v.picklist(['open', 'done', 'cancelled']),
  assigneeUserId: v.nullable(Uuid),
  dueAt: v.nullable(Instant),
  completedAt: v.nullable(Instant),
});

/** One dossier as PostgreSQL has it, its files, history and tasks, and what the reader may do now. */
export const DossierDetail = v.object({
  dossier: v.object({
    id: Uuid,
    tenantId: Uuid,
    code: v.string(),
    procedureId: Uuid,
    processDefinitionId: v.nullable(Uuid),
    channel: DossierChannel,
    receivingUnitId: Uuid,
    currentUnitId: Uuid,
    applicantUserId: v.nullable(Uuid),
    applicantName: v.string(),
    applicantIdSuffix: v.nullable(v.pipe(v.string(), v.description('Last four digits only: the full number is never stored'))),
    applicantPhone: v.nullable(v.string()),
    applicantEmail: v.nullable(v.string()),
    nationalStatus: v.number(),
    localStatus: v.string(),
    receivedAt: Instant,
    dueAt: v.nullable(Instant),
    finishedAt: v.nullable(Instant),
    closedAt: v.nullable(Instant),
    returnedAt: v.nullable(Instant),
    overdueAt: v.nullable(Instant),
    workflowId: v.nullable(v.string()),
    handOverWorkflowId: v.nullable(v.string()),
    archivedAt: v.pipe(
      v.nullable(Instant),
      v.description('When its files moved to archive storage (docs/domain/archive-and-retention.md); still readable as before'),
    ),
    createdAt: Instant,
  }),
  procedure: v.nullable(
    v.object({ code: v.string(), name: v.string(), components: v.array(v.object({ code: v.string(), name: v.string(), required: v.boolean() })) }),
  ),
  units: v.array(v.object({ id: Uuid, name: v.string() })),
  steps: v.array(v.object({ key: v.string(), name: v.string(), kind: v.string(), role: v.string(), orgUnitId: Uuid })),
  files: v.array(
    v.object({
      id: Uuid,
      purpose: v.picklist(['intake', 'supplement', 'result']),
      componentCode: v.string(),
      fileName: v.string(),
      contentType: v.string(),
      sizeBytes: v.number(),
      sha256: v.string(),
      uploadedAt: Instant,
      reusedFrom: v.pipe(v.nullable(v.string()), v.description('Taken from the citizen’s data store: the code of the dossier it first came with')),
      path: v.pipe(v.string(), v.description('Where to download it')),
    }),
  ),
  events: v.array(
    v.object({
      kind: v.string(),
      fromStep: v.nullable(v.string()),
      toStep: v.nullable(v.string()),
      actorUserId: v.nullable(Uuid),
      actorName: v.nullable(v.string()),
      content: v.nullable(v.pipe(v.record(v.string(), v.unknown()), v.description('What the officer wrote with the action: reason, note, items…'))),
      stepDueAt: v.nullable(Instant),
      deadlineMet: v.nullable(v.boolean()),
      occurredAt: Instant,
    }),
  ),
  openTasks: v.array(Task),
  tasks: v.array(Task),
  currentStep: v.nullable(Step),
  allowedActions: v.array(v.picklist(DOSSIER_ACTIONS)),
  assignees: v.array(v.object({ userId: Uuid, fullName: v.string() })),
});

/** The answer to a submission: the new dossier and its receipt (the same answer to a retry with the same key). */
export const Submitted = v.object({
  dossierId: Uuid,
  code: v.string(),
  nationalStatus: v.number(),
  receipt: Receipt,
  replayed: v.pipe(v.boolean(), v.description('The stored answer to an earlier request with the same Idempotency-Key')),
  workflowStarted: v.pipe(v.boolean(), v.description('False when Temporal was unreachable: the dossier is stored and its workflow starts later')),
});

/** The dossier's state as its workflow holds it, after an action. */
export const DossierState = v.object({
  workflowId: v.string(),
  tenantId: Uuid,
  dossierId: Uuid,
  step: Step,
  nationalStatus: v.number(),
  localStatus: v.string(),
  assigneeUserId: v.nullable(Uuid),
  intakeDueAt: v.nullable(Instant),
  stepDueAt: v.nullable(Instant),
  dueAt: v.nullable(Instant),
  nearDue: v.boolean(),
  overdue: v.boolean(),
  pausedSince: v.nullable(Instant),
  pausedWorkingMinutes: v.number(),
  apology: v.nullable(
    v.object({
      reason: v.string(),
      newDueAt: Instant,
      issuedAt: Instant,
      beforeDeadline: v.boolean(),
      count: v.number(),
      nearDue: v.boolean(),
      overdue: v.boolean(),
    }),
  ),
  feePending: v.boolean(),
  activeHandOverWorkflowId: v.nullable(v.string()),
  transitions: v.number(),
  done: v.boolean(),
  allowedActions: v.array(v.picklist(DOSSIER_ACTIONS)),
});

/** The officer inbox: open tasks for the roles the officer holds, soonest step deadline first. */
export const InboxPage = v.object({
  items: v.array(
    v.object({
      taskId: Uuid,
      stepKey: v.string(),
      role: v.string(),
      orgUnitId: Uuid,
      unitName: v.string(),
      assigneeUserId: v.nullable(Uuid),
      stepDueAt: v.nullable(Instant),
      taskCreatedAt: Instant,
      dossierId: Uuid,
      code: v.string(),
      procedureCode: v.string(),
      procedureName: v.string(),
      applicantName: v.string(),
      channel: DossierChannel,
      nationalStatus: v.number(),
      localStatus: v.string(),
      receivedAt: Instant,
      dueAt: v.nullable(Instant),
      overdueAt: v.nullable(Instant),
      overdue: v.pipe(v.boolean(), v.description('The step’s deadline has passed')),
      nearDue: v.pipe(v.boolean(), v.description('Little of the step’s time is left (near due)')),
      dossierOverdue: v.pipe(v.boolean(), v.description('The dossier’s promised date has passed, or it was ever overdue')),
    }),
  ),
  total: v.number(),
  page: v.number(),
  pageSize: v.number(),
});
