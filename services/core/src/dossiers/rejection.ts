import { DomainError, DOSSIER_REJECTION_TYPE, notFound, type DossierRejection } from '@gov/domain';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

const DOSSIER_NOT_FOUND = { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' };

export const dossierNotFound = () => notFound(DOSSIER_NOT_FOUND);

/**
 * Turns the workflow's refusal into the API's error: the validator's bilingual reason is shown
 * as is. Who-may-act refusals are 403; the rest (wrong state, once-only rules) are 409, bad
 * payloads 400. Anything else (Temporal down, timeouts) stays an internal error.
 */
export function toDomainError(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return dossierNotFound();
  if (!(error instanceof WorkflowUpdateFailedError)) return error;
  const cause = error.cause as { type?: string; details?: unknown[] } | undefined;
  if (cause?.type !== DOSSIER_REJECTION_TYPE) return error;
  const reason = cause.details?.[0] as DossierRejection | undefined;
  if (!reason) return error;
  const message = { vi: reason.vi, en: reason.en };
  switch (reason.code) {
    case 'wrong_role':
    case 'wrong_unit':
      return new DomainError('forbidden', message, { reason: reason.code });
    case 'invalid_input':
      return new DomainError('invalid', message, { reason: reason.code });
    case 'wrong_state':
    case 'not_allowed':
      return new DomainError('conflict', message, { reason: reason.code });
  }
}
