import type { BranchCondition, ProcessStep } from './process.js';

/** A value of a declared form field as filed with the dossier. */
export type FormValue = string | number | boolean;
export type FormData = Readonly<Record<string, FormValue>>;

/** Which way a branching step sent the dossier, recorded with the transition. */
export type BranchTaken =
  { by: 'condition'; rule: number | 'otherwise'; field: string | null } | { by: 'choice'; outcome: string; label: string } | { by: 'goto' };

/** The step keys a step names as where it may lead (empty when it has no `next`). */
export function branchTargets(step: ProcessStep): string[] {
  const next = step.next;
  if (!next) return [];
  switch (next.by) {
    case 'condition':
      return [...next.rules.map((r) => r.to), next.otherwise];
    case 'choice':
      return next.outcomes.map((o) => o.to);
    case 'goto':
      return [next.to];
  }
}

/**
 * Indexes of the steps a step may lead to: its branch targets, else the next step in the list.
 * The result return ends the dossier, so nothing follows it. Unknown keys are left out (the
 * designer's validation names them).
 */
export function successors(steps: readonly ProcessStep[], index: number): number[] {
  const step = steps[index]!;
  if (step.kind === 'return_result') return [];
  if (!step.next) return index + 1 < steps.length ? [index + 1] : [];
  const indexes = branchTargets(step).map((key) => steps.findIndex((s) => s.key === key));
  return [...new Set(indexes.filter((i) => i >= 0))];
}

/** Whether the dossier's data satisfies a condition; a missing value satisfies none. */
export function conditionHolds(condition: BranchCondition, data: FormData): boolean {
  const value = data[condition.field];
  if (value === undefined) return false;
  switch (condition.op) {
    case 'eq':
      return value === condition.value;
    case 'ne':
      return value !== condition.value;
    default: {
      if (typeof value !== 'number' || typeof condition.value !== 'number') return false;
      const [a, b] = [value, condition.value];
      return condition.op === 'gt' ? a > b : condition.op === 'gte' ? a >= b : condition.op === 'lt' ? a < b : a <= b;
    }
  }
}

/**
 * Where the dossier goes when step `index` is done: the index of the next step, or null when the
 * process ends there. `outcome` is the officer's choice on a `choice` step (the Update validator
 * has checked it names one of the step's outcomes).
 */
export function nextStep(
  steps: readonly ProcessStep[],
  index: number,
  by: { formData?: FormData; outcome?: string },
): { to: number | null; branch: BranchTaken | null } {
  const step = steps[index]!;
  const at = (key: string) => {
    const i = steps.findIndex((s) => s.key === key);
    if (i < 0) throw new Error(`step "${step.key}" leads to unknown step "${key}"`);
    return i;
  };
  const next = step.next;
  if (!next) return { to: index + 1 < steps.length ? index + 1 : null, branch: null };
  switch (next.by) {
    case 'goto':
      return { to: at(next.to), branch: { by: 'goto' } };
    case 'choice': {
      const outcome = next.outcomes.find((o) => o.key === by.outcome);
      if (!outcome) throw new Error(`step "${step.key}" needs one of its outcomes`);
      return { to: at(outcome.to), branch: { by: 'choice', outcome: outcome.key, label: outcome.label } };
    }
    case 'condition': {
      const rule = next.rules.findIndex((r) => conditionHolds(r.when, by.formData ?? {}));
      const chosen = rule < 0 ? next.otherwise : next.rules[rule]!.to;
      return { to: at(chosen), branch: { by: 'condition', rule: rule < 0 ? 'otherwise' : rule, field: rule < 0 ? null : next.rules[rule]!.when.field } };
    }
  }
}

/** The officer's named outcomes on a `choice` step (shown as actions), else none. */
export function stepOutcomes(step: ProcessStep): { key: string; label: string }[] {
  return step.next?.by === 'choice' ? step.next.outcomes.map(({ key, label }) => ({ key, label })) : [];
}

/** Whether any step branches: a straight line of steps is the process as it always was. */
export function isBranching(steps: readonly ProcessStep[]): boolean {
  return steps.some((s) => s.next !== undefined);
}
