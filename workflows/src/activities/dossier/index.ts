import type { Db, Sql } from '@gov/db';
import { consultationDeadlines, type ConsultationDeadlinesInput } from './consultation-deadlines.js';
import { claimHandOverAgreement, type ClaimHandOverAgreementInput } from './claim-hand-over-agreement.js';
import { ensureHandOverDossier, type EnsureHandOverDossierInput } from './ensure-hand-over-dossier.js';
import { projectTransition } from './project-transition.js';
import type { TransitionProjection } from './projection-input.js';

/** Dossier projection activities: every workflow transition into PostgreSQL. */
export function createDossierActivities({ sql }: { db: Db; sql: Sql }) {
  return {
    async projectDossierTransition(projection: TransitionProjection): Promise<void> {
      await projectTransition(sql, projection);
    },
    ensureHandOverDossier: (input: EnsureHandOverDossierInput) => ensureHandOverDossier(sql, input),
    claimHandOverAgreement: (input: ClaimHandOverAgreementInput) => claimHandOverAgreement(sql, input),
    consultationDeadlines: (input: ConsultationDeadlinesInput) => consultationDeadlines(sql, input),
  };
}

export type { TransitionProjection } from './projection-input.js';
