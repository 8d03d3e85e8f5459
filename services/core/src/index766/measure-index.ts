import type { TenantDb } from '@gov/db';
import { NOTHING_MEASURED, type Index766Inputs } from '@gov/domain';
import { measureDossiers } from './measure-dossiers.js';
import { measurePayments, measurePublished, measureSurveys } from './measure-others.js';
import type { MeasureScope } from './measure-scope.js';

/**
 * The index's inputs for every group of the scope (provinces, or one province's units), keyed by
 * tenant or unit id. Criteria the platform has no data for are null (not measured): syncing to the
 * national portal and answering feedback are not features yet; publication is the province's act,
 * so a unit's is not measured either (docs/domain/feedback-and-reports.md#the-decision-766-index).
 */
export async function measureIndex766(tx: TenantDb, scope: MeasureScope): Promise<{ keys: Set<string>; inputs: (key: string) => Index766Inputs }> {
  const [dossiers, payments, surveys, published] = await Promise.all([
    measureDossiers(tx, scope),
    measurePayments(tx, scope),
    measureSurveys(tx, scope),
    scope.byUnit ? undefined : measurePublished(tx, scope.tenantId),
  ]);
  // Every group with something measured from its own activity in the quarter.
  const keys = new Set([...dossiers.keys(), ...payments.keys(), ...surveys.keys()]);
  const inputs = (key: string): Index766Inputs => {
    const measured = dossiers.get(key);
    return {
      ...NOTHING_MEASURED,
      proceduresPublished: published?.(key) ?? null,
      resolvedInTime: measured?.resolvedInTime ?? null,
      timeUsed: measured?.timeUsed ?? null,
      digitisedDossiers: measured?.digitisedDossiers ?? null,
      digitisedResults: measured?.digitisedResults ?? null,
      onlineSubmission: measured?.onlineSubmission ?? null,
      fullOnline: measured?.fullOnline ?? null,
      onlinePayment: payments.get(key) ?? null,
      surveyOverall: surveys.get(key) ?? null,
    };
  };
  return { keys, inputs };
}
