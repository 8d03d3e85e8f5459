import * as v from 'valibot';
import { TenantRole } from './roles.js';

/** Step kinds of an electronic process (quy trình điện tử), DOMAIN.md §3 and issue #5. */
export const STEP_KINDS = ['receive', 'assign', 'process', 'review', 'approve', 'hand_over', 'return_result'] as const;
export const StepKind = v.picklist(STEP_KINDS);
export type StepKind = v.InferOutput<typeof StepKind>;

/** A hand-over to another agency (liên thông), up (commune → department) or down. */
export const HandOver = v.object({
  direction: v.picklist(['up', 'down']),
  /** Omitted when the target unit is in the same province. */
  targetTenantId: v.optional(v.pipe(v.string(), v.uuid())),
  targetUnitId: v.pipe(v.string(), v.uuid()),
});
export type HandOver = v.InferOutput<typeof HandOver>;

export const ProcessStep = v.object({
  /** Stable within a process version: events and tasks are keyed by it. */
  key: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'chỉ gồm chữ thường, số, _ và -')),
  kind: StepKind,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  role: TenantRole,
  orgUnitId: v.pipe(v.string(), v.uuid()),
  /** Working time allotted to the step, in working hours (8 per working day). */
  allottedWorkingHours: v.pipe(v.number(), v.minValue(0), v.maxValue(8 * 365)),
  /** National status code (1–10) the dossier takes on entering the step. */
  nationalStatus: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  localStatus: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
  allowReturnToPrevious: v.boolean(),
  handOver: v.optional(HandOver),
});
export type ProcessStep = v.InferOutput<typeof ProcessStep>;

/** Statutory processing time of a procedure for one channel (working or calendar days). */
export const StatutoryTime = v.object({
  amount: v.pipe(v.number(), v.minValue(0)),
  unit: v.picklist(['working_days', 'calendar_days', 'working_hours']),
});
export type StatutoryTime = v.InferOutput<typeof StatutoryTime>;

/**
 * What a dossier workflow runs: the published process as it was when the dossier started.
 * Plain data (it travels in Temporal payloads and is stored in history).
 */
export const ProcessSnapshot = v.object({
  processDefinitionId: v.pipe(v.string(), v.uuid()),
  tenantId: v.pipe(v.string(), v.uuid()),
  procedureCode: v.string(),
  caseCode: v.string(),
  version: v.number(),
  statutoryTime: StatutoryTime,
  steps: v.pipe(v.array(ProcessStep), v.minLength(1)),
});
export type ProcessSnapshot = v.InferOutput<typeof ProcessSnapshot>;
