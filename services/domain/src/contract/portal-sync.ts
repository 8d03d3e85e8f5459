import type { NationalStatus } from '../national-status.js';

/**
 * What the national public-service portal holds about one dossier, as the projection queues it in
 * `portal_sync_outbox` and the relay's adapter sends it (docs/domain/national-portal-sync.md).
 * Instants are ISO 8601. The applicant is named, as the portal shows the dossier to them; no
 * citizen ID number is ever part of it.
 */
export interface PortalDossierRecord {
  dossierCode: string;
  procedureCode: string;
  /** The province's official code (tenants.code), which also picks the portal credentials. */
  provinceCode: string;
  /** The receiving unit's code. */
  unitCode: string;
  receivedAt: string;
  dueAt: string | null;
  status: NationalStatus;
  channel: 'online' | 'in_person' | 'postal' | 'proxy';
  applicantName: string;
  /** Processing finished with a result (9). */
  finishedAt: string | null;
  /** Result returned (10). */
  returnedAt: string | null;
  /** The transition that made this change. */
  changedAt: string;
}
