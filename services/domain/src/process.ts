import { WORKING_HOURS_PER_DAY } from '@gov/calendar';
import * as v from 'valibot';
import type { Message } from './errors.js';
import { TenantRole } from './roles.js';

/** Step kinds of an electronic process (quy trình điện tử), docs/domain/procedures-and-processes.md. */
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

const StepKey = v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'chỉ gồm chữ thường, số, _ và -'));

/**
 * A test on one declared field of the procedure's form (the dossier's data). `gt`…`lte` compare
 * numbers only; a value missing from the dossier matches no rule.
 */
export const BranchCondition = v.object({
  field: StepKey,
  op: v.picklist(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']),
  value: v.union([v.pipe(v.string(), v.maxLength(200)), v.number(), v.boolean()]),
});
export type BranchCondition = v.InferOutput<typeof BranchCondition>;

/** How many rules a condition branch and how many outcomes a choice may have. */
export const BRANCH_LIMITS = { rules: { min: 1, max: 20 }, outcomes: { min: 2, max: 10 } } as const;

/**
 * Where a step leads (rẽ nhánh), docs/domain/procedures-and-processes.md#branches. Absent: the
 * next step in the list, or the end after the last one — every process stored before branches
 * existed reads so. `condition`: the first rule the dossier's data matches, else `otherwise`;
 * `choice`: the officer completing the step picks a named outcome; `goto`: always that step
 * (a branch rejoining the main line).
 */
export const StepNext = v.variant('by', [
  v.object({
    by: v.literal('condition'),
    rules: v.pipe(v.array(v.object({ when: BranchCondition, to: StepKey })), v.minLength(BRANCH_LIMITS.rules.min), v.maxLength(BRANCH_LIMITS.rules.max)),
    otherwise: StepKey,
  }),
  v.object({
    by: v.literal('choice'),
    outcomes: v.pipe(
      v.array(v.object({ key: StepKey, label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)), to: StepKey })),
      v.minLength(BRANCH_LIMITS.outcomes.min),
      v.maxLength(BRANCH_LIMITS.outcomes.max),
    ),
  }),
  v.object({ by: v.literal('goto'), to: StepKey }),
]);
export type StepNext = v.InferOutput<typeof StepNext>;

/**
 * One unit asked for its opinion (lấy ý kiến) at a step, docs/domain/consultations.md. In
 * another province the unit's tenant is named and an accepted agreement must cover it.
 */
export const ConsultedUnit = v.object({
  /** Omitted when the unit is in the asking province. */
  tenantId: v.optional(v.pipe(v.string(), v.uuid())),
  orgUnitId: v.pipe(v.string(), v.uuid()),
  /** Its own deadline, in working hours from when the step opens the request. */
  workingHours: v.pipe(v.number(), v.minValue(1), v.maxValue(WORKING_HOURS_PER_DAY * 365)),
});
export type ConsultedUnit = v.InferOutput<typeof ConsultedUnit>;

/**
 * A step that asks several units at once. `wait: 'all'` holds the dossier until every unit has
 * answered, late or not; `'deadline'` moves it on when all have answered or the step's own
 * deadline passes, whichever comes first.
 */
export const StepConsultation = v.object({
  units: v.pipe(v.array(ConsultedUnit), v.minLength(1), v.maxLength(20)),
  wait: v.picklist(['all', 'deadline']),
  /** What is asked, shown to the consulted units. */
  question: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(1000))),
});
export type StepConsultation = v.InferOutput<typeof StepConsultation>;

export const ProcessStep = v.object({
  /** Stable within a process version: events and tasks are keyed by it. */
  key: StepKey,
  kind: StepKind,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  role: TenantRole,
  orgUnitId: v.pipe(v.string(), v.uuid()),
  /** Working time allotted to the step, in working hours (8 per working day). */
  allottedWorkingHours: v.pipe(v.number(), v.minValue(0), v.maxValue(WORKING_HOURS_PER_DAY * 365)),
  /** National status code (1–10) the dossier takes on entering the step. */
  nationalStatus: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  localStatus: v.pipe(v.string(), v.minLength(1), v.maxLength(60)),
  allowReturnToPrevious: v.boolean(),
  handOver: v.optional(HandOver),
  next: v.optional(StepNext),
  consultation: v.optional(StepConsultation),
});
export type ProcessStep = v.InferOutput<typeof ProcessStep>;

/**
 * National statuses a dossier holds while it waits at a step: new (1), received (2), processing
 * (4), processing finished (9). The others are set by actions (refused 3, supplement 5, fee 6,
 * withdrawn 7, stopped 8, returned 10): a step declaring one would freeze or close the dossier
 * the moment it arrived, and the result could never be returned.
 */
export const STEP_NATIONAL_STATUSES: readonly number[] = [1, 2, 4, 9];

/** What is wrong with a step's national status, or null; the return step waits at 9. */
export function stepStatusProblem(step: { kind: StepKind; nationalStatus: number }): Message | null {
  if (step.kind === 'return_result' && step.nationalStatus !== 9) {
    return {
      vi: 'bước trả kết quả phải ở trạng thái 9 (đã xử lý xong); trạng thái 10 do thao tác trả kết quả đặt.',
      en: 'the return step must have status 9 (processing finished); returning the result sets 10.',
    };
  }
  if (!STEP_NATIONAL_STATUSES.includes(step.nationalStatus)) {
    return {
      vi: `trạng thái ${step.nationalStatus} do thao tác đặt ra, không gán cho bước (chọn 1, 2, 4 hoặc 9).`,
      en: `status ${step.nationalStatus} is set by an action, not by a step (choose 1, 2, 4 or 9).`,
    };
  }
  return null;
}

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
