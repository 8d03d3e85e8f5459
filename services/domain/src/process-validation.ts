import { calendarDaysAsWorkingHours, WORKING_HOURS_PER_DAY } from '@gov/calendar';
import type { Message } from './errors.js';
import { interProvinceSegments, openerProblems, segmentStepProblems, type InterProvinceSegment, type OtherProvinceUnits } from './process-hand-over.js';
import type { FormField } from './catalog/procedure-record.js';
import type { AgreementTerms } from './hand-over-agreement.js';
import { consultationProblems } from './process-consultation.js';
import { isBranching } from './process-graph.js';
import { graphProblems, longestPath } from './process-graph-validation.js';
import { stepStatusProblem, type ProcessStep, type StatutoryTime } from './process.js';
import type { TenantRole } from './roles.js';

/** A working day is 8 working hours (docs/domain/working-time.md); re-exported for the web app. */
export { WORKING_HOURS_PER_DAY };

/** What the designer needs to know about the tenant, read by the caller in one transaction. */
export interface ProcessDesignContext {
  /** The designing province. */
  tenantId: string;
  /** Active units of the tenant, with their path from the root (for role scopes). */
  units: readonly { id: string; path: readonly string[] }[];
  /** Roles held by someone, at a unit: an assignment at a unit covers its subtree. */
  roleAssignments: readonly { role: TenantRole; orgUnitId: string }[];
  /** Units where the procedure is active (receiving or handling) in this tenant. */
  activeUnitIds: readonly string[];
  statutoryTime: StatutoryTime;
  /**
   * Provinces the draft hands over to that exist, with their active units (read in their own
   * tenant context). A named province missing here does not exist.
   */
  otherProvinces: readonly OtherProvinceUnits[];
  /** The fields the procedure's forms declare: the only dossier data a condition may test. */
  formFields?: readonly FormField[];
  /** The procedure designed, and this province's accepted agreements for it: a consultation of another province's unit needs one. */
  procedureCode?: string;
  agreements?: readonly AgreementTerms[];
}

/** One designer problem (lỗi thiết kế quy trình), tied to a step when it has one. */
export interface DesignProblem {
  stepKey: string | null;
  field: string;
  message: Message;
}

/**
 * The statutory limit in working hours. A calendar-day limit (Civil Code Art. 147) has no exact
 * working-hour equivalent before a start date is known; 5 working days per 7 calendar days is the
 * usual week and errs on the strict side only across holidays, which publication cannot foresee.
 */
export function statutoryWorkingHours(time: StatutoryTime): number {
  switch (time.unit) {
    case 'working_hours':
      return time.amount;
    case 'working_days':
      return time.amount * WORKING_HOURS_PER_DAY;
    case 'calendar_days':
      return calendarDaysAsWorkingHours(time.amount);
  }
}

/** `12` → "12 giờ làm việc (1,5 ngày làm việc)" and its English twin. */
export function describeWorkingHours(hours: number): Message {
  const days = Math.round((hours / WORKING_HOURS_PER_DAY) * 100) / 100;
  return {
    vi: `${hours} giờ làm việc (${String(days).replace('.', ',')} ngày làm việc)`,
    en: `${hours} working hours (${days} working days)`,
  };
}

/**
 * Where a step sits: worked by the designing province or by another one (`segment`), and whether
 * it hands over to another province (`opens`). In a chain a step can be both: the second
 * province's step that hands onward to a third.
 */
interface StepPlace {
  index: number;
  segment: InterProvinceSegment | null;
  opens: InterProvinceSegment | null;
}

/** Own-province rules: the unit is ours and someone holds the step's role there. */
function ownUnitProblems(step: ProcessStep, design: ProcessDesignContext, at: (field: string, vi: string, en: string) => void) {
  const unit = design.units.find((u) => u.id === step.orgUnitId);
  if (!unit) at('orgUnitId', 'đơn vị không tồn tại hoặc đã ngừng hoạt động trong tỉnh.', 'the unit does not exist or is inactive in this province.');
  else if (!design.roleAssignments.some((a) => a.role === step.role && unit.path.includes(a.orgUnitId))) {
    at('role', `chưa có cán bộ nào giữ vai trò "${step.role}" tại đơn vị này.`, `nobody holds role "${step.role}" at this unit.`);
  }
}

function stepProblems(step: ProcessStep, design: ProcessDesignContext, place: StepPlace): DesignProblem[] {
  const problems: DesignProblem[] = [];
  const at = (field: string, vi: string, en: string) =>
    problems.push({ stepKey: step.key, field, message: { vi: `Bước "${step.name}": ${vi}`, en: `Step "${step.name}": ${en}` } });
  if (place.segment) {
    // The other province's role assignments are its own: it staffs its steps, as it does any hand-over it receives.
    const segment = place.segment;
    const province = design.otherProvinces.find((p) => p.tenantId === segment.tenantId);
    for (const p of segmentStepProblems(step, { index: place.index, segment, province, ownTenantId: design.tenantId })) at(p.field, p.vi, p.en);
  } else {
    ownUnitProblems(step, design, at);
  }
  const consulting = { ...design, procedureCode: design.procedureCode ?? '', agreements: design.agreements ?? [] };
  for (const p of consultationProblems(step, consulting, place.segment !== null)) at(p.field, p.vi, p.en);
  const status = stepStatusProblem(step);
  if (status) at('nationalStatus', status.vi, status.en);
  if (step.kind === 'hand_over' && !step.handOver) at('handOver', 'bước liên thông phải chỉ rõ đơn vị nhận.', 'a hand-over step needs a target unit.');
  if (step.kind !== 'hand_over' && step.handOver) at('handOver', 'chỉ bước liên thông mới có đơn vị nhận.', 'only a hand-over step has a target unit.');
  if (place.opens) {
    const opens = place.opens;
    const province = design.otherProvinces.find((p) => p.tenantId === opens.tenantId);
    for (const p of openerProblems(step, province, opens)) at(p.field, p.vi, p.en);
  }
  const inProvince = step.handOver && (!step.handOver.targetTenantId || step.handOver.targetTenantId === design.tenantId);
  if (inProvince && !design.activeUnitIds.includes(step.handOver!.targetUnitId)) {
    at('handOver.targetUnitId', 'đơn vị nhận liên thông chưa được kích hoạt thủ tục này.', 'the hand-over target unit does not have this procedure active.');
  }
  return problems;
}

/** Where each step sits; a chain's inner segment comes after its outer one, so it wins. */
function stepPlaces(steps: readonly ProcessStep[], tenantId: string): StepPlace[] {
  const places: StepPlace[] = steps.map((_, index) => ({ index, segment: null, opens: null }));
  for (const segment of interProvinceSegments(steps, tenantId)) {
    places[segment.opener]!.opens = segment;
    for (let i = segment.from; i < segment.to; i += 1) places[i]!.segment = segment;
  }
  return places;
}

/**
 * Checks a designed process against the tenant (docs/domain/procedures-and-processes.md): every step's unit and role exist, a
 * hand-over targets a unit with the procedure active, a hand-over to another province targets
 * one of its active units and the steps it opens run at its units and end by handing the dossier
 * back (liên thông giữa hai tỉnh), keys are unique, and the allotted time
 * fits in the statutory time; the message says by how much it does not. Pure: the caller loads
 * the context. Returns every problem, so the designer can show them all at once.
 */
export function validateProcessDesign(steps: readonly ProcessStep[], design: ProcessDesignContext): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (steps.length === 0)
    problems.push({ stepKey: null, field: 'steps', message: { vi: 'Quy trình cần ít nhất một bước.', en: 'A process needs at least one step.' } });
  const seen = new Set<string>();
  const places = stepPlaces(steps, design.tenantId);
  for (const [i, step] of steps.entries()) {
    if (seen.has(step.key))
      problems.push({ stepKey: step.key, field: 'key', message: { vi: `Mã bước "${step.key}" bị trùng.`, en: `Step key "${step.key}" is used twice.` } });
    seen.add(step.key);
    problems.push(...stepProblems(step, design, places[i]!));
  }
  if (steps[0] && steps[0].allowReturnToPrevious) {
    problems.push({
      stepKey: steps[0].key,
      field: 'allowReturnToPrevious',
      message: { vi: 'Bước đầu tiên không có bước trước để trả lại.', en: 'The first step has no previous step to return to.' },
    });
  }
  problems.push(...graphProblems(steps, design.formFields ?? []));
  problems.push(...budgetProblems(steps, design));
  return problems;
}

/**
 * The time budget: the statutory time must cover the longest way through the process (for a
 * straight line, the sum of its steps). A process with a loop has no longest path; the loop is
 * refused on its own.
 */
function budgetProblems(steps: readonly ProcessStep[], design: ProcessDesignContext): DesignProblem[] {
  const path = longestPath(steps);
  if (!path) return [];
  const limit = statutoryWorkingHours(design.statutoryTime);
  if (path.hours <= limit) return [];
  const [t, l, over] = [describeWorkingHours(path.hours), describeWorkingHours(limit), describeWorkingHours(path.hours - limit)];
  if (!isBranching(steps)) {
    return [
      {
        stepKey: null,
        field: 'allottedWorkingHours',
        message: {
          vi: `Tổng thời gian các bước là ${t.vi}, vượt thời hạn giải quyết theo quy định (${l.vi}) ${over.vi}.`,
          en: `The steps total ${t.en}, exceeding the statutory time (${l.en}) by ${over.en}.`,
        },
      },
    ];
  }
  const names = path.indexes.map((i) => `"${steps[i]!.name}"`).join(' → ');
  const last = steps[path.indexes[path.indexes.length - 1]!]!;
  return [
    {
      stepKey: last.key,
      field: 'allottedWorkingHours',
      message: {
        vi: `Bước "${last.name}": nhánh dài nhất (${names}) cần ${t.vi}, vượt thời hạn giải quyết theo quy định (${l.vi}) ${over.vi}.`,
        en: `Step "${last.name}": the longest path (${names}) needs ${t.en}, exceeding the statutory time (${l.en}) by ${over.en}.`,
      },
    },
  ];
}
