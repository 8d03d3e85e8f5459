import { statutoryWorkingHours, type DesignProblem, type Message, type ProcessStep } from '@gov/domain';
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
  return { key: `buoc-${n}`, kind: 'process', name: '', role: 'specialist', orgUnitId, allottedWorkingHours: 8, nationalStatus: 4, localStatus: 'dang_xu_ly', allowReturnToPrevious: steps.length > 0 };
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
