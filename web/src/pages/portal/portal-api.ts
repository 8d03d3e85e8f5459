import { answer, api, type Answer, type ItemOf } from '../../api.js';
import type { MessageKey } from '../../i18n/index.js';
import type { DossierFile } from '../officer/types.js';

// What the portal pages read from the API, typed from the API's routes: a change there breaks this type check.
export type { DossierDetail, DossierFile, Receipt } from '../officer/types.js';
type PublicProvince = (typeof api.public.provinces)[':tenantId'];
export type ProcedureSummary = ItemOf<PublicProvince['procedures']['$get']>;
export type ProcedureDetail = Answer<PublicProvince['procedures'][':code']['$get']>;
export type SectorCount = Answer<PublicProvince['sectors']['$get']>[number];
export type Unit = Answer<PublicProvince['receiving-units']['$get']>[number];
export type MyDossier = ItemOf<typeof api.me.dossiers.$get>;
export type PublicStatus = Answer<(typeof api.public)['dossier-status'][':token']['$get']>;
export type Component = ProcedureDetail['procedure']['cases'][number]['components'][number];
export type Province = ItemOf<typeof api.provinces.$get>;

/** Which dossier, as the dossier routes name it. */
export type DossierRef = { tenantId: string; dossierId: string };

/** A page of a listing, as every paged answer has it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const loadProvinces = () => answer(api.provinces.$get()).then((r) => r.items);

/** The result document(s) the applicant downloads, apart from what they filed themselves. */
export const isResultFile = (file: DossierFile) => file.purpose === 'result';

/** The lookup page a receipt's QR code opens: public, no sign-in. */
export const statusUrl = (token: string) => `${location.origin}/status/${encodeURIComponent(token)}`;

// The provinces a citizen filed online from this device, listed first in the procedure search's
// province picker. Only a convenience: "my dossiers" asks the server, which knows every province
// the citizen filed in, on any device and at any counter.
const key = (userId: string) => `portal.provinces.${userId}`;

export function filedProvinces(userId: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberProvince(userId: string, tenantId: string): void {
  localStorage.setItem(key(userId), JSON.stringify([tenantId, ...filedProvinces(userId).filter((id) => id !== tenantId)].slice(0, 34)));
}

export const ONLINE_LABEL: Record<ProcedureSummary['onlineServiceLevel'], MessageKey> = {
  full: 'portalOnlineFull',
  partial: 'portalOnlinePartial',
  none: 'portalOnlineNone',
};

/** A text field of a form, trimmed ('' when absent or a file). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
