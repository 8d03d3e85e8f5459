import { ApplicationFailure, patched, proxyActivities } from '@temporalio/workflow';
import { DOSSIER_REJECTION_TYPE, NO_AGREEMENT, type DossierRejection, type ProcessStep } from '@gov/domain';
import type { Activities } from '../../activities/index.js';
import type { DossierState } from './state.js';

const { claimHandOverAgreement } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Dossiers that handed over across provinces before agreements existed replay without the check. */
const HAND_OVER_AGREEMENT_PATCH = 'hand-over-agreement';

/**
 * A hand-over to another province goes ahead only under an agreement that province accepted
 * and nobody withdrew (docs/domain/lien-thong.md), checked now, when it happens, not only when
 * the process was published: a withdrawal stops new hand-overs of dossiers already running.
 * The check also records the agreement's use in both provinces. Without one the officer's
 * action is refused with the reason and nothing reaches the other province. The link starts
 * from the province this workflow runs in, so a chain onward needs each link's agreement.
 */
export async function requireHandOverAgreement(state: DossierState, step: ProcessStep, handOverWorkflowId: string): Promise<string | null> {
  const target = step.handOver?.targetTenantId;
  if (!target || target === state.tenantId || !patched(HAND_OVER_AGREEMENT_PATCH)) return null;
  const claim = await claimHandOverAgreement({
    sourceTenantId: state.tenantId,
    targetTenantId: target,
    procedureCode: state.snapshot.procedureCode,
    sourceUnitId: step.orgUnitId,
    targetUnitId: step.handOver!.targetUnitId,
    dossierId: state.dossierId,
    handOverWorkflowId,
  });
  if (claim) return claim.agreementId;
  const reason: DossierRejection = { code: 'not_allowed', ...NO_AGREEMENT };
  throw ApplicationFailure.create({ message: reason.en, type: DOSSIER_REJECTION_TYPE, nonRetryable: true, details: [reason] });
}
