import type { ProcessStep } from './process.js';

/** Another province's active units, read in that province's own tenant context. */
export interface OtherProvinceUnits {
  tenantId: string;
  name: string;
  unitIds: readonly string[];
}

/**
 * How many province borders one dossier may cross in a chain (liên thông nhiều chặng): the
 * dossier's own province hands to a second, that one onward to a third, and so on, each link
 * under its own agreement. Three links (four provinces) covers every path the provinces have
 * described; a longer chain is refused rather than followed, at publication and at run time.
 */
export const MAX_HAND_OVER_LINKS = 3;

/**
 * The steps another province works after a hand-over to it (liên thông giữa hai tỉnh): from the
 * step after the hand-over up to, not including, the next step at the sending unit — the same
 * cut the runtime makes (workflows `handOverSegment`), so what is validated is what runs. Inside
 * such a segment a hand-over to a third province opens a segment of its own (a chain).
 */
export interface InterProvinceSegment {
  tenantId: string;
  /** The province that hands over: the designing one, or the previous link's receiver. */
  sourceTenantId: string;
  /** The provinces the dossier is in before this link, the designing one first, the sender last. */
  chain: readonly string[];
  /** Index of the hand-over step that opens the segment. */
  opener: number;
  /** First and one-past-last step index the other province runs. */
  from: number;
  to: number;
  /** One past the last step the sending province runs: the segment must end before it. */
  bound: number;
}

/** Segments in step order, an outer one before the chain links inside it. */
export function interProvinceSegments(steps: readonly ProcessStep[], ownTenantId: string): InterProvinceSegment[] {
  const segments: InterProvinceSegment[] = [];
  collectSegments(steps, { from: 0, to: steps.length, tenantId: ownTenantId, chain: [] }, segments);
  return segments;
}

function collectSegments(
  steps: readonly ProcessStep[],
  range: { from: number; to: number; tenantId: string; chain: readonly string[] },
  out: InterProvinceSegment[],
): void {
  // Inside a segment the last step hands the dossier back; it never opens a link.
  const last = range.chain.length === 0 ? range.to : range.to - 1;
  for (let i = range.from; i < last; i += 1) {
    const step = steps[i]!;
    const target = step.handOver?.targetTenantId;
    if (step.kind !== 'hand_over' || !target || target === range.tenantId) continue;
    const chain = [...range.chain, range.tenantId];
    // A link back into the chain or past the limit opens nothing: segmentStepProblems names it.
    if (chain.includes(target) || chain.length > MAX_HAND_OVER_LINKS) continue;
    let to = i + 1;
    while (to < range.to && steps[to]!.orgUnitId !== step.orgUnitId) to += 1;
    out.push({ tenantId: target, sourceTenantId: range.tenantId, chain, opener: i, from: i + 1, to, bound: range.to });
    collectSegments(steps, { from: i + 1, to, tenantId: target, chain }, out);
    // Steps inside belong to the other province: a hand-over there never opens a segment of ours.
    i = Math.max(i, to - 1);
  }
}

/** Why a link may not go from `chain`'s last province to `target` (null when it may). */
export function chainLinkProblem(chain: readonly string[], target: string): { vi: string; en: string } | null {
  if (chain.includes(target)) {
    return {
      vi: 'hồ sơ đã qua tỉnh này trong chuỗi liên thông; không được chuyển vòng trở lại (chỉ chuyển trả ở bước cuối).',
      en: 'the dossier has already been through this province in the chain; it may not loop back (only the last step hands it back).',
    };
  }
  if (chain.length > MAX_HAND_OVER_LINKS) {
    return {
      vi: `chuỗi liên thông giữa các tỉnh vượt quá ${MAX_HAND_OVER_LINKS} chặng cho phép.`,
      en: `the chain of hand-overs between provinces exceeds the ${MAX_HAND_OVER_LINKS} links allowed.`,
    };
  }
  return null;
}

type Problem = { field: string; vi: string; en: string };

/** Problems of the hand-over step that opens a segment: the province and its target unit. */
export function openerProblems(step: ProcessStep, province: OtherProvinceUnits | undefined, segment: InterProvinceSegment): Problem[] {
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
  } else if (segment.to === segment.bound) {
    problems.push({
      field: 'handOver',
      vi: 'sau đoạn liên thông, hồ sơ phải quay lại một bước tại đơn vị gửi.',
      en: 'after the other province, the dossier must come back to a step at the sending unit.',
    });
  }
  return problems;
}

/** Problems of a step the other province runs: its unit, and how it hands over (back or onward). */
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
  const target = handOver?.targetTenantId;
  if (last) {
    // Each link returns to the province that sent it; "no province" means the designing one.
    const backToSender = handOver && (target === segment.sourceTenantId || (!target && segment.sourceTenantId === ownTenantId));
    // Either direction: a commune hands up to a department and gets it back down, a department
    // hands down to a commune and gets it back up.
    if (!handOver || !backToSender) {
      problems.push({
        field: 'handOver',
        vi: 'bước cuối do tỉnh nhận xử lý phải là bước liên thông chuyển trả về tỉnh đã gửi hồ sơ.',
        en: 'the last step the receiving province works must hand the dossier back to the province that sent it.',
      });
    }
  } else if (handOver && target && target !== segment.tenantId) {
    // Onward to a further province: a link of its own (its opener problems and agreement), unless
    // it loops back into the chain or makes the chain too long.
    const problem = chainLinkProblem([...segment.chain, segment.tenantId], target);
    if (problem) problems.push({ field: 'handOver.targetTenantId', ...problem });
  } else if (handOver && (!target || (province && !province.unitIds.includes(handOver.targetUnitId)))) {
    problems.push({
      field: 'handOver.targetUnitId',
      vi: 'trong đoạn liên thông, chỉ được chuyển tiếp tới đơn vị đang hoạt động của chính tỉnh nhận hoặc sang tỉnh khác theo quy chế phối hợp.',
      en: 'inside the other province, a hand-over may only target an active unit of that province, or another province under an agreement.',
    });
  }
  return problems;
}
