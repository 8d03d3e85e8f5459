import type { DossierCounts } from '@gov/domain';
import type { api, Answer } from '../../api.js';

/** The report API's counts, in the columns of the periodic report (declared once, in the domain). */
export type { DossierCounts };

/** One province by receiving unit: the ministry's drill-down and the province's own dashboard. */
export type UnitReport = Answer<(typeof api.reports.provinces)[':tenantId']['units']['$get']>;
export type UnitRow = UnitReport['items'][number];
export type Period = UnitReport['period'];
/** One province by procedure, in the same scopes and columns as by unit. */
export type ProcedureReport = Answer<(typeof api.reports.provinces)[':tenantId']['procedures']['$get']>;
/** One province's officers' workload, in the same scopes. */
export type OfficerReport = Answer<(typeof api.reports.provinces)[':tenantId']['officers']['$get']>;

/**
 * Share of the resolved dossiers resolved early or on time (the timeliness measure of Decision 766);
 * null when none was resolved (no rate to rank).
 */
export function onTimeRate(c: DossierCounts): number | null {
  return c.resolved === 0 ? null : (c.resolvedEarly + c.resolvedOnTime) / c.resolved;
}

/** Online share of the newly received dossiers; null when none was received. */
export function onlineShare(c: DossierCounts): number | null {
  return c.received === 0 ? null : c.receivedOnline / c.received;
}
export type FeeReport = Answer<(typeof api.reports.provinces)[':tenantId']['fees']['$get']>;
export type ConsultationReport = Answer<(typeof api.reports.provinces)[':tenantId']['consultations']['$get']>;
