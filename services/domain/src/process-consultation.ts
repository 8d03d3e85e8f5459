import { agreementFor, type AgreementTerms } from './hand-over-agreement.js';
import type { OtherProvinceUnits } from './process-hand-over.js';
import type { ProcessStep } from './process.js';

type Problem = { field: string; vi: string; en: string };

/** Steps that may ask for opinions: the ones an officer of the asking unit works. */
const ASKING_KINDS: readonly ProcessStep['kind'][] = ['assign', 'process', 'review', 'approve'];

export interface ConsultationDesign {
  tenantId: string;
  procedureCode: string;
  units: readonly { id: string }[];
  otherProvinces: readonly OtherProvinceUnits[];
  /** This province's copies of its accepted agreements for the procedure. */
  agreements: readonly AgreementTerms[];
}

/**
 * What is wrong with a step's consultation (lấy ý kiến), docs/domain/consultations.md: the step
 * kind, its own deadline, each unit and its deadline, and, for a unit of another province, the
 * agreement that lets this unit ask it. `inOtherProvince`: the step is worked by another province
 * after a hand-over, which asks on its own terms, not ours.
 */
export function consultationProblems(step: ProcessStep, design: ConsultationDesign, inOtherProvince: boolean): Problem[] {
  const c = step.consultation;
  if (!c) return [];
  const problems: Problem[] = [];
  const add = (field: string, vi: string, en: string) => problems.push({ field, vi, en });
  if (!ASKING_KINDS.includes(step.kind))
    add('consultation', 'chỉ bước phân công, xử lý, xem xét hoặc phê duyệt mới lấy ý kiến.', 'only assign, process, review or approve steps may consult.');
  if (inOtherProvince)
    add(
      'consultation',
      'bước do tỉnh khác xử lý sau liên thông không lấy ý kiến theo quy trình này.',
      'a step another province works after a hand-over cannot consult under this process.',
    );
  if (step.next?.by === 'choice')
    add(
      'consultation',
      'bước lấy ý kiến tự chuyển tiếp, không có lựa chọn hướng xử lý.',
      'a consultation step moves on by itself and has no outcomes to choose.',
    );
  if (step.allottedWorkingHours <= 0)
    add('allottedWorkingHours', 'bước lấy ý kiến cần thời gian xử lý lớn hơn 0.', 'a consultation step needs allotted time above 0.');
  const seen = new Set<string>();
  for (const [i, unit] of c.units.entries()) {
    const field = `consultation.units.${i}`;
    if (seen.has(unit.orgUnitId)) add(field, 'một đơn vị được hỏi ý kiến hai lần.', 'a unit is consulted twice.');
    seen.add(unit.orgUnitId);
    if (unit.orgUnitId === step.orgUnitId) add(field, 'đơn vị không tự hỏi ý kiến chính mình.', 'a unit does not consult itself.');
    if (unit.workingHours > step.allottedWorkingHours) {
      add(
        `${field}.workingHours`,
        `hạn trả lời ${unit.workingHours} giờ làm việc vượt thời gian của bước (${step.allottedWorkingHours} giờ làm việc).`,
        `an answer deadline of ${unit.workingHours} working hours exceeds the step's ${step.allottedWorkingHours} working hours.`,
      );
    }
    for (const p of unitProblems(step, unit, design)) add(`${field}.orgUnitId`, p.vi, p.en);
  }
  return problems;
}

function unitProblems(step: ProcessStep, unit: { tenantId?: string; orgUnitId: string }, design: ConsultationDesign): Omit<Problem, 'field'>[] {
  if (!unit.tenantId || unit.tenantId === design.tenantId) {
    return design.units.some((u) => u.id === unit.orgUnitId)
      ? []
      : [
          {
            vi: 'đơn vị được hỏi ý kiến không tồn tại hoặc đã ngừng hoạt động trong tỉnh.',
            en: 'the consulted unit does not exist or is inactive in this province.',
          },
        ];
  }
  const province = design.otherProvinces.find((p) => p.tenantId === unit.tenantId);
  if (!province) return [{ vi: 'tỉnh của đơn vị được hỏi ý kiến không tồn tại.', en: "the consulted unit's province does not exist." }];
  if (!province.unitIds.includes(unit.orgUnitId)) {
    return [
      {
        vi: `đơn vị được hỏi ý kiến không phải đơn vị đang hoạt động của ${province.name}.`,
        en: `the consulted unit is not an active unit of ${province.name}.`,
      },
    ];
  }
  const link = {
    sourceTenantId: design.tenantId,
    targetTenantId: unit.tenantId,
    procedureCode: design.procedureCode,
    sourceUnitId: step.orgUnitId,
    targetUnitId: unit.orgUnitId,
  };
  if (agreementFor(design.agreements, link)) return [];
  return [
    {
      vi: `chưa có quy chế phối hợp được ${province.name} chấp nhận cho đơn vị này và thủ tục này.`,
      en: `no agreement accepted by ${province.name} covers this unit and procedure.`,
    },
  ];
}

/** Other provinces a process's consultations name: their units are read in their own tenant. */
export function consultedTenants(steps: readonly ProcessStep[], ownTenantId: string): string[] {
  return steps.flatMap((s) => (s.consultation?.units ?? []).flatMap((u) => (u.tenantId && u.tenantId !== ownTenantId ? [u.tenantId] : [])));
}
