import { getJson } from '../../api.js';
import type { MessageKey } from '../../i18n/index.js';

/** What the portal pages read from the API (services/core/src/portal/**, dossiers, public status). */
export interface Province {
  id: string;
  code: string;
  fullName: string;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  sector: string;
  level: 'ministry' | 'province' | 'commune';
  channels: string[];
  onlineServiceLevel: 'full' | 'partial' | 'none';
}

/** A field (lĩnh vực) the province offers and how many procedures it holds. */
export interface SectorCount {
  sector: string;
  procedures: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Component {
  code: string;
  name: string;
  originals: number;
  copies: number;
  templateFile?: string;
  required?: boolean;
}

export interface ProcedureDetail {
  procedure: ProcedureSummary & {
    cases: { code: string; name: string; components: Component[] }[];
    processingTime: { channel: string; amount: number; unit: 'working_days' | 'calendar_days' }[];
    fees: { kind: 'fee' | 'charge'; name: string; amountVnd: number; note?: string }[];
    forms: { code: string; name: string; templateFile?: string }[];
    applicants?: string;
    result?: string;
    conditions?: string;
    legalBasis?: string;
  };
  localFeeVnd: number | null;
  receivingUnits: Unit[];
}

export interface Receipt {
  code: string;
  procedureName: string;
  receivingUnitName: string;
  receivedAt: string;
  promisedReturnAt: string;
  statusLookup: { token: string; path: string };
}

/** One row of "my dossiers" (GET /api/me/dossiers), with the province it was filed in. */
export interface MyDossier {
  tenantId: string;
  provinceName: string;
  dossierId: string;
  code: string;
  procedureName: string;
  receivingUnitName: string;
  nationalStatus: number;
  receivedAt: string;
  dueAt: string | null;
  returnedAt: string | null;
}

export interface DossierFile {
  id: string;
  /** Handed in at intake, or attached later as a supplement or the result (dossier_files.purpose). */
  purpose: 'intake' | 'supplement' | 'result';
  componentCode: string;
  fileName: string;
  sizeBytes: number;
  path: string;
}

export interface DossierDetail {
  dossier: { id: string; code: string; nationalStatus: number; receivedAt: string; dueAt: string | null; returnedAt: string | null };
  files: DossierFile[];
  events: { kind: string; content: Record<string, unknown> | null; occurredAt: string }[];
  /** Present once the API computes the reader's actions (officer workspace slice). */
  allowedActions?: string[];
}

export interface PublicStatus {
  code: string;
  procedureName: string;
  receivingUnitName: string;
  nationalStatus: number;
  statusText: { vi: string; en: string };
  receivedAt: string;
  promisedReturnAt: string | null;
  returnedAt: string | null;
  overdue: boolean;
  steps: {
    key: string;
    name: string;
    unitName: string;
    state: 'done' | 'current' | 'pending' | 'cancelled';
    dueAt: string | null;
    completedAt: string | null;
    deadlineMet: boolean | null;
  }[];
}

export const loadProvinces = () => getJson<{ items: Province[] }>('/api/provinces').then((r) => r.items);

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
