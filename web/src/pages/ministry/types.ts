import type { DossierCounts } from '@gov/domain';
import type { api, Answer, ItemOf } from '../../api.js';
import { locale, t, type MessageKey } from '../../i18n/index.js';

/** The report API's counts, in the columns of the periodic report (declared once, in the domain). */
export type { DossierCounts };

export type ProvinceReport = Answer<typeof api.reports.provinces.$get>;
export type ProvinceRow = ProvinceReport['items'][number];
export type Period = ProvinceReport['period'];
export type UnitReport = Answer<(typeof api.reports.provinces)[':tenantId']['units']['$get']>;
export type UnitRow = UnitReport['items'][number];
export type ProvinceDossier = ItemOf<(typeof api.reports.provinces)[':tenantId']['dossiers']['$get']>;

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

/** A message with `{name}` slots filled in. */
export function fill(key: MessageKey, values: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}

/** A message chosen by a value, e.g. `ministryChannel_online` (keys are checked by the catalog). */
export const tv = (prefix: string, value: string) => t(`${prefix}_${value}` as MessageKey);

/** The locale-aware name of the current language, for `Intl` calls made here. */
export const intlTag = () => (locale() === 'vi' ? 'vi-VN' : 'en-GB');
