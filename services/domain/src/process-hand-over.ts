import type { ProcessStep } from './process.js';

/** Another province's active units, read in that province's own tenant context. */
export interface OtherProvinceUnits {
  tenantId: string;
  name: string;
  unitIds: readonly string[];
}

/**
 * The steps another province works after a hand-over to it (liên thông giữa hai tỉnh): from the
 * step after the hand-over up to, not including, the next step at the sending unit — the same
 * cut the runtime makes (workflows `handOverSegment`), so what is validated is what runs.
 */
export interface InterProvinceSegment {
  tenantId: string;
  /** Index of the hand-over step that opens the segment. */
  opener: number;
  /** First and one-past-last step index the other province runs. */
  from: number;
  to: number;
}

export function interProvinceSegments(steps: readonly ProcessStep[], ownTenantId: string): InterProvinceSegment[] {
  const segments: InterProvinceSegment[] = [];
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i]!;
    const target = step.handOver?.targetTenantId;
    if (step.kind !== 'hand_over' || !target || target === ownTenantId) continue;
    let to = i + 1;
    while (to < steps.length && steps[to]!.orgUnitId !== step.orgUnitId) to += 1;
    segments.push({ tenantId: target, opener: i, from: i + 1, to });
    // Steps inside belong to the other province: a hand-over there never opens a segment of ours.
    i = Math.max(i, to - 1);
  }
  return segments;
}

type Problem = { field: string; vi: string; en: string };

/** Problems of the hand-over step that opens a segment: the province and its target unit. */
export function openerProblems(step: ProcessStep, province: OtherProvinceUnits | undefined, segment: InterProvinceSegment, stepCount: number): Problem[] {
  const problems: Problem[] = [];
  if (!province) {
    problems.push({ field: 'handOver.targetTenantId', vi: 'tỉnh nhận liên thông không tồn tại.', en: 'the receiving province does not exist.' });
  } else if (!province.unitIds.includes(step.handOver!.targetUnitId)) {
    problems.push({
      field: 'handOver.targetUnitId',
      vi: `đơn vị nhận không phải đơn vị đang hoạt động của ${province.name}.`,
      en: `the target unit is not an active unit of ${province.name}.`,
    });
  }
  if (segment.from === segment.to) {
    problems.push({
      field: 'handOver',
      vi: 'sau bước liên thông sang tỉnh khác phải có các bước do tỉnh nhận xử lý, kết thúc bằng bước chuyển trả.',
      en: 'a hand-over to another province must be followed by steps that province works, ending with a hand-back.',
    });
  } else if (segment.to === stepCount) {
    problems.push({
      field: 'handOver',
      vi: 'sau đoạn liên thông, hồ sơ phải quay lại một bước tại đơn vị gửi.',
      en: 'after the other province, the dossier must come back to a step at the sending unit.',
    });
  }
  return problems;
}

/** Problems of a step the other province runs: its unit, and how it hands over (back). */
export function segmentStepProblems(
  step: ProcessStep,
  args: { index: number; segment: InterProvinceSegment; province: OtherProvinceUnits | undefined; ownTenantId: string },
): Problem[] {
  const { index, segment, province, ownTenantId } = args;
  const problems: Problem[] = [];
  // An unknown province is reported once, at the hand-over that names it.
  if (province && !province.unitIds.includes(step.orgUnitId)) {
    problems.push({
      field: 'orgUnitId',
      vi: `bước do tỉnh nhận xử lý phải ở một đơn vị đang hoạt động của ${province.name}.`,
      en: `a step the receiving province works must be at an active unit of ${province.name}.`,
    });
  }
  const last = index === segment.to - 1;
  const handOver = step.kind === 'hand_over' ? step.handOver : undefined;
  if (last) {
    const backHome = handOver && (!handOver.targetTenantId || handOver.targetTenantId === ownTenantId);
    // Either direction: a commune hands up to a department and gets it back down, a department
    // hands down to a commune and gets it back up.
    if (!handOver || !backHome) {
      problems.push({
        field: 'handOver',
        vi: 'bước cuối do tỉnh nhận xử lý phải là bước liên thông chuyển trả về tỉnh gửi.',
        en: 'the last step the receiving province works must hand the dossier back to the sending province.',
      });
    }
  } else if (handOver && (handOver.targetTenantId !== segment.tenantId || (province && !province.unitIds.includes(handOver.targetUnitId)))) {
    problems.push({
      field: 'handOver.targetUnitId',
      vi: 'trong đoạn liên thông, chỉ được chuyển tiếp tới đơn vị đang hoạt động của chính tỉnh nhận.',
      en: 'inside the other province, a hand-over may only target an active unit of that province.',
    });
  }
  return problems;
}
