import type { FormField } from './catalog/procedure-record.js';
import type { Message } from './errors.js';
import { branchTargets, successors } from './process-graph.js';
import type { BranchCondition, ProcessStep } from './process.js';

/** One problem of the graph, tied to the step it names. */
export interface GraphProblem {
  stepKey: string;
  field: string;
  message: Message;
}

/** Step kinds an officer completes with forward or approve, where a named outcome can be chosen. */
const CHOICE_KINDS: readonly ProcessStep['kind'][] = ['assign', 'process', 'review', 'approve'];

/**
 * Indexes of the steps a hand-over child runs: after each hand-over up to, not including, the
 * next step at the sending unit — the runtime's cut (workflows `handOverSegment`). The child runs
 * them in list order, so they may not branch and no branch may lead into them.
 */
export function handOverSegmentSteps(steps: readonly ProcessStep[]): Set<number> {
  const inside = new Set<number>();
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i]!;
    if (step.kind !== 'hand_over') continue;
    let to = i + 1;
    while (to < steps.length && steps[to]!.orgUnitId !== step.orgUnitId) to += 1;
    for (let j = i + 1; j < to; j += 1) inside.add(j);
    i = Math.max(i, to - 1);
  }
  return inside;
}

function conditionProblem(c: BranchCondition, fields: readonly FormField[]): Message | null {
  const field = fields.find((f) => f.key === c.field);
  if (!field)
    return {
      vi: `điều kiện dùng trường "${c.field}" mà tờ khai của thủ tục không có.`,
      en: `a condition uses field "${c.field}", which the procedure's form does not have.`,
    };
  const ordering = !['eq', 'ne'].includes(c.op);
  if (ordering && field.type !== 'number')
    return { vi: `trường "${c.field}" không phải số, chỉ so sánh bằng hoặc khác.`, en: `field "${c.field}" is not a number: only equal or not equal apply.` };
  const expected = field.type === 'number' ? 'number' : field.type === 'boolean' ? 'boolean' : 'string';
  if (typeof c.value !== expected)
    return {
      vi: `giá trị so sánh của trường "${c.field}" sai kiểu (cần ${expected}).`,
      en: `the value compared with field "${c.field}" must be a ${expected}.`,
    };
  if (field.type === 'choice' && !(field.options ?? []).includes(c.value as string)) {
    return { vi: `"${String(c.value)}" không phải một lựa chọn của trường "${c.field}".`, en: `"${String(c.value)}" is not an option of field "${c.field}".` };
  }
  return null;
}

/** Problems of each step's own branch declaration: where it may branch, its targets, its conditions. */
function declarationProblems(steps: readonly ProcessStep[], fields: readonly FormField[], at: (step: ProcessStep, field: string, m: Message) => void) {
  const segment = handOverSegmentSteps(steps);
  const keys = new Map(steps.map((s, i) => [s.key, i]));
  for (const [i, step] of steps.entries()) {
    const next = step.next;
    if (!next) continue;
    if (step.kind === 'hand_over' || step.kind === 'return_result') {
      at(step, 'next', { vi: 'bước liên thông và bước trả kết quả không rẽ nhánh.', en: 'hand-over and result-return steps do not branch.' });
    } else if (segment.has(i)) {
      at(step, 'next', { vi: 'bước do đơn vị nhận liên thông xử lý không rẽ nhánh.', en: 'a step worked by the hand-over target does not branch.' });
    }
    if (next.by === 'choice' && !CHOICE_KINDS.includes(step.kind)) {
      at(step, 'next', {
        vi: 'chỉ bước phân công, xử lý, xem xét hoặc phê duyệt mới cho cán bộ chọn hướng đi.',
        en: 'only assign, process, review or approve steps offer the officer a choice.',
      });
    }
    if (next.by === 'choice' && new Set(next.outcomes.map((o) => o.key)).size !== next.outcomes.length) {
      at(step, 'next', { vi: 'mã các lựa chọn phải khác nhau.', en: 'outcome keys must differ.' });
    }
    for (const target of new Set(branchTargets(step))) {
      const index = keys.get(target);
      if (index === undefined)
        at(step, 'next', { vi: `bước tiếp theo "${target}" không có trong quy trình.`, en: `next step "${target}" is not in the process.` });
      else if (segment.has(index)) {
        at(step, 'next', {
          vi: `không được rẽ nhánh vào bước "${target}" do đơn vị nhận liên thông xử lý.`,
          en: `a branch may not lead into step "${target}", worked by a hand-over target.`,
        });
      }
    }
    if (next.by === 'condition') {
      for (const rule of next.rules) {
        const problem = conditionProblem(rule.when, fields);
        if (problem) at(step, 'next', problem);
      }
    }
  }
}

/** A cycle reachable from the first step, as the step indexes along it, or null. */
function findCycle(steps: readonly ProcessStep[]): number[] | null {
  const state = steps.map(() => 0); // 0 unseen, 1 on the current path, 2 done
  const path: number[] = [];
  const visit = (i: number): number[] | null => {
    state[i] = 1;
    path.push(i);
    for (const j of successors(steps, i)) {
      if (state[j] === 1) return [...path.slice(path.indexOf(j)), j];
      if (state[j] === 0) {
        const found = visit(j);
        if (found) return found;
      }
    }
    path.pop();
    state[i] = 2;
    return null;
  };
  return steps.length === 0 ? null : visit(0);
}

function reachable(steps: readonly ProcessStep[]): Set<number> {
  const seen = new Set<number>();
  const stack = steps.length > 0 ? [0] : [];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    stack.push(...successors(steps, i));
  }
  return seen;
}

/**
 * The longest path from the first step to an end, by working time: the budget the statutory
 * time must cover, whichever way the dossier goes. Null when the graph has a cycle.
 */
export function longestPath(steps: readonly ProcessStep[]): { hours: number; indexes: number[] } | null {
  if (steps.length === 0) return { hours: 0, indexes: [] };
  if (findCycle(steps)) return null;
  const memo = new Map<number, { hours: number; indexes: number[] }>();
  const from = (i: number): { hours: number; indexes: number[] } => {
    const known = memo.get(i);
    if (known) return known;
    const own = Number.isFinite(steps[i]!.allottedWorkingHours) ? steps[i]!.allottedWorkingHours : 0;
    let best: { hours: number; indexes: number[] } = { hours: 0, indexes: [] };
    for (const j of successors(steps, i)) {
      const rest = from(j);
      if (rest.hours > best.hours || best.indexes.length === 0) best = rest;
    }
    const result = { hours: own + best.hours, indexes: [i, ...best.indexes] };
    memo.set(i, result);
    return result;
  };
  return from(0);
}

/**
 * The graph's rules (docs/domain/procedures-and-processes.md#branches): branches only where the
 * runtime can follow them, to steps that exist, on fields the procedure's form declares; every
 * step reachable from the first; no loop (a dossier must always come to an end); and when the
 * process returns a result, every path ends by returning it.
 */
export function graphProblems(steps: readonly ProcessStep[], fields: readonly FormField[]): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const at = (step: ProcessStep, field: string, m: Message) =>
    problems.push({ stepKey: step.key, field, message: { vi: `Bước "${step.name}": ${m.vi}`, en: `Step "${step.name}": ${m.en}` } });
  declarationProblems(steps, fields, at);
  const cycle = findCycle(steps);
  if (cycle) {
    const names = cycle.map((i) => `"${steps[i]!.name}"`);
    at(steps[cycle[0]!]!, 'next', {
      vi: `quy trình có vòng lặp không bao giờ kết thúc (${names.join(' → ')}).`,
      en: `the process has a loop that never ends (${names.join(' → ')}).`,
    });
  }
  const seen = reachable(steps);
  for (const [i, step] of steps.entries()) {
    if (!seen.has(i)) at(step, 'key', { vi: 'không có đường nào dẫn tới bước này.', en: 'no path leads to this step.' });
  }
  if (!cycle && steps.some((s) => s.kind === 'return_result')) {
    for (const i of seen) {
      const step = steps[i]!;
      if (successors(steps, i).length === 0 && step.kind !== 'return_result') {
        at(step, 'next', { vi: 'nhánh kết thúc ở bước này mà không qua bước trả kết quả.', en: 'a path ends at this step without returning the result.' });
      }
    }
  }
  return problems;
}
