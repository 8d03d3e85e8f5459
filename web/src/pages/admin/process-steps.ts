import { interProvinceSegments, statutoryWorkingHours, type DesignProblem, type Message, type ProcessStep } from '@gov/domain';
import type { ProcedureDetail } from './types.js';

/**
 * The statutory limit the designer checks against: the strictest channel, in working hours,
 * as the API's validation computes it (services/core load-design-context.ts `strictestTime`).
 */
export function statutoryLimitHours(procedure: Pick<ProcedureDetail, 'processingTime'>): number | null {
  const hours = procedure.processingTime.map((time) => statutoryWorkingHours(time));
  return hours.length === 0 ? null : Math.min(...hours);
}

export function totalHours(steps: readonly Pick<ProcessStep, 'allottedWorkingHours'>[]): number {
  return steps.reduce((sum, s) => sum + (Number.isFinite(s.allottedWorkingHours) ? s.allottedWorkingHours : 0), 0);
}

/** A new step with a key not yet used in the list (keys are the step's stable identity). */
export function blankStep(steps: readonly ProcessStep[], orgUnitId: string): ProcessStep {
  const used = new Set(steps.map((s) => s.key));
  let n = steps.length + 1;
  while (used.has(`buoc-${n}`)) n += 1;
  return {
    key: `buoc-${n}`,
    kind: 'process',
    name: '',
    role: 'specialist',
    orgUnitId,
    allottedWorkingHours: 8,
    nationalStatus: 4,
    localStatus: 'dang_xu_ly',
    allowReturnToPrevious: steps.length > 0,
  };
}

/** The list with the item at `from` moved to `to` (both in range). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** What the API said is wrong, sorted by step: the designer shows each under its step. */
export interface StepProblems {
  general: Message[];
  byStep: Map<number, Message[]>;
}

/** The `details` of an API refusal: design problems and/or schema problems. */
export interface RefusalDetails {
  problems?: DesignProblem[];
  fields?: { path: string; problem: string }[];
}

/**
 * Reads a refusal of save or publish: design problems name the step by key
 * (services/domain process-validation.ts); schema problems by path (`steps.2.name`).
 */
export function problemsFrom(details: RefusalDetails | undefined, steps: readonly ProcessStep[]): StepProblems {
  const result: StepProblems = { general: [], byStep: new Map() };
  const add = (index: number, message: Message) => result.byStep.set(index, [...(result.byStep.get(index) ?? []), message]);
  for (const problem of details?.problems ?? []) {
    const index = problem.stepKey === null ? -1 : steps.findIndex((s) => s.key === problem.stepKey);
    if (index < 0) result.general.push(problem.message);
    else add(index, problem.message);
  }
  for (const field of details?.fields ?? []) {
    const match = /^steps\.(\d+)\.(.+)$/.exec(field.path);
    // valibot's messages are Vietnamese only; the field path says which input it concerns.
    const message = { vi: `${match?.[2] ?? field.path}: ${field.problem}`, en: `${match?.[2] ?? field.path}: ${field.problem}` };
    if (match) add(Number(match[1]), message);
    else result.general.push(message);
  }
  return result;
}

type HandOver = NonNullable<ProcessStep['handOver']>;

/**
 * The step with its hand-over target changed and everything else kept — notably
 * `targetTenantId`, which an edit of the unit or the direction must not drop. A
 * `targetTenantId` of `undefined` removes it (the target is in this province).
 */
export function patchHandOver(step: ProcessStep, change: Partial<HandOver>): ProcessStep {
  const handOver: HandOver = { direction: 'up', targetUnitId: step.orgUnitId, ...step.handOver, ...change };
  if (handOver.targetTenantId === undefined) delete handOver.targetTenantId;
  return { ...step, handOver };
}

/**
 * Whether a hand-over goes to another province (liên thông giữa hai tỉnh). `''` is "another
 * province, not chosen yet": the choice shows, and the API refuses it until a province is picked.
 */
export function handsOverToOtherProvince(step: ProcessStep, ownTenantId: string): boolean {
  const target = step.kind === 'hand_over' ? step.handOver?.targetTenantId : undefined;
  return target !== undefined && target !== ownTenantId;
}

/** Who works a step inside another province's segment, and the unit the segment returns to. */
export interface SegmentOwner {
  tenantId: string;
  sendingUnitId: string;
}

/**
 * Per step, the other province that works it, or null: from the step after a hand-over to that
 * province up to, not including, the next step at the sending unit. The same cut as the API's
 * validation and the runtime: `interProvinceSegments` itself.
 */
export function segmentOwners(steps: readonly ProcessStep[], ownTenantId: string): (SegmentOwner | null)[] {
  const owners: (SegmentOwner | null)[] = steps.map(() => null);
  for (const segment of interProvinceSegments(steps, ownTenantId)) {
    const sendingUnitId = steps[segment.opener]!.orgUnitId;
    for (let i = segment.from; i < segment.to; i += 1) owners[i] = { tenantId: segment.tenantId, sendingUnitId };
  }
  return owners;
}

/** The other provinces a design names, whose units the designer must load to show names. */
export function otherProvinceIds(steps: readonly ProcessStep[], ownTenantId: string): string[] {
  const ids = steps.flatMap((s) => (handsOverToOtherProvince(s, ownTenantId) && s.handOver!.targetTenantId ? [s.handOver!.targetTenantId] : []));
  return [...new Set(ids)];
}
