import type { Message } from './errors.js';
import { interProvinceSegments } from './process-hand-over.js';
import type { ProcessStep } from './process.js';

/** Lifecycle of an inter-province agreement (quy chế phối hợp), docs/domain/lien-thong.md. */
export type AgreementStatus = 'proposed' | 'accepted' | 'refused' | 'withdrawn';

/** What an agreement allows: one procedure, from some units of one province to some of another. */
export interface AgreementTerms {
  id: string;
  sourceTenantId: string;
  targetTenantId: string;
  procedureCode: string;
  sourceUnitIds: readonly string[];
  targetUnitIds: readonly string[];
  allottedWorkingHours: number;
  status: AgreementStatus;
}

/** One hand-over across a province border: who sends, who receives, for which procedure. */
export interface HandOverLink {
  sourceTenantId: string;
  targetTenantId: string;
  procedureCode: string;
  sourceUnitId: string;
  targetUnitId: string;
}

/**
 * The agreement that covers a link, or undefined. Only an accepted agreement counts: a proposal
 * not yet accepted, a refusal or a withdrawal allows nothing new. A chain onward to a third
 * province is a second link from the second province, which needs its own agreement.
 */
export function agreementFor(agreements: readonly AgreementTerms[], link: HandOverLink): AgreementTerms | undefined {
  return agreements.find(
    (a) =>
      a.status === 'accepted' &&
      a.sourceTenantId === link.sourceTenantId &&
      a.targetTenantId === link.targetTenantId &&
      a.procedureCode === link.procedureCode &&
      a.sourceUnitIds.includes(link.sourceUnitId) &&
      a.targetUnitIds.includes(link.targetUnitId),
  );
}

export interface AgreementProblem {
  stepKey: string;
  field: string;
  message: Message;
}

/**
 * Problems of a process's hand-overs to other provinces against the agreements: each link needs
 * an accepted agreement between the province that hands over and the one that receives, for the
 * procedure and the two units, and the steps from the hand-over until the dossier comes back
 * (a chain's onward links included: the receiver answers for them) must fit that agreement's
 * time budget. Pure; the caller loads the agreements (the designing province's own copies, and
 * for a chain the sending copies of each province further along) and the provinces' names.
 */
export function agreementProblems(
  steps: readonly ProcessStep[],
  args: { tenantId: string; procedureCode: string; agreements: readonly AgreementTerms[]; provinceNames: ReadonlyMap<string, string> },
): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  for (const segment of interProvinceSegments(steps, args.tenantId)) {
    const opener = steps[segment.opener]!;
    const province = args.provinceNames.get(segment.tenantId) ?? 'tỉnh nhận';
    const link = {
      sourceTenantId: segment.sourceTenantId,
      targetTenantId: segment.tenantId,
      procedureCode: args.procedureCode,
      sourceUnitId: opener.orgUnitId,
      targetUnitId: opener.handOver!.targetUnitId,
    };
    const agreement = agreementFor(args.agreements, link);
    const at = (vi: string, en: string) =>
      problems.push({ stepKey: opener.key, field: 'handOver', message: { vi: `Bước "${opener.name}": ${vi}`, en: `Step "${opener.name}": ${en}` } });
    if (!agreement) {
      // An onward link of a chain is between two other provinces: say which.
      const sender = segment.sourceTenantId === args.tenantId ? null : (args.provinceNames.get(segment.sourceTenantId) ?? 'tỉnh gửi');
      at(
        `chưa có quy chế phối hợp được ${province} chấp nhận cho thủ tục ${args.procedureCode} giữa đơn vị gửi${sender ? ` của ${sender}` : ''} và đơn vị nhận; không thể liên thông sang tỉnh khác.`,
        `no agreement accepted by ${province} covers procedure ${args.procedureCode} between these units${sender ? ` (from ${sender})` : ''}; it cannot hand over to another province.`,
      );
      continue;
    }
    const hours = steps.slice(segment.from, segment.to).reduce((sum, s) => sum + s.allottedWorkingHours, 0);
    if (hours > agreement.allottedWorkingHours) {
      at(
        `các bước do ${province} xử lý cần ${hours} giờ làm việc, vượt thời gian quy chế phối hợp cho phép (${agreement.allottedWorkingHours} giờ).`,
        `the steps ${province} works take ${hours} working hours, over the agreement's ${agreement.allottedWorkingHours}.`,
      );
    }
  }
  return problems;
}

/** Refusal of a hand-over the workflow found no agreement for; shown to the officer as is. */
export const NO_AGREEMENT: Message = {
  vi: 'Không thể chuyển liên thông sang tỉnh khác: chưa có quy chế phối hợp còn hiệu lực được tỉnh nhận chấp nhận cho thủ tục và đơn vị này.',
  en: 'Cannot hand over to another province: no accepted, unwithdrawn agreement covers this procedure and these units.',
};
