import type { DossierAction } from '@gov/domain';

/** One open task of the inbox (GET /api/tenants/:tenantId/inbox, services/core list-inbox.ts). */
export interface InboxItem {
  taskId: string;
  stepKey: string;
  role: string;
  unitName: string;
  stepDueAt: string | null;
  dossierId: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  channel: string;
  nationalStatus: number;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  nearDue: boolean;
  dossierOverdue: boolean;
}

export interface DossierFile {
  id: string;
  /** Handed in at intake, or attached later as a supplement or the result (dossier_files.purpose). */
  purpose: 'intake' | 'supplement' | 'result';
  /** The procedure's component code at intake; the form field for later files. */
  componentCode: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  path: string;
}

export interface DossierEvent {
  kind: string;
  fromStep: string | null;
  toStep: string | null;
  actorUserId: string | null;
  actorName: string | null;
  content: Record<string, unknown> | null;
  stepDueAt: string | null;
  deadlineMet: boolean | null;
  occurredAt: string;
}

/** GET /api/tenants/:tenantId/dossiers/:dossierId (services/core get-dossier.ts). */
export interface DossierDetail {
  dossier: {
    id: string;
    code: string;
    channel: string;
    applicantName: string;
    applicantIdSuffix: string | null;
    applicantPhone: string | null;
    applicantEmail: string | null;
    nationalStatus: number;
    localStatus: string;
    receivedAt: string;
    dueAt: string | null;
    finishedAt: string | null;
    returnedAt: string | null;
    overdueAt: string | null;
    receivingUnitId: string;
    currentUnitId: string;
  };
  procedure: { code: string; name: string; components: { code: string; name: string; required: boolean }[] } | null;
  units: { id: string; name: string }[];
  steps: { key: string; name: string; kind: string; role: string; orgUnitId: string }[];
  files: DossierFile[];
  events: DossierEvent[];
  openTasks: { stepKey: string; orgUnitId: string; role: string; assigneeUserId: string | null; dueAt: string | null }[];
  currentStep: { key: string; name: string; orgUnitId: string; role: string } | null;
  allowedActions: DossierAction[];
  assignees: { userId: string; fullName: string }[];
}

export interface IntakeProcedure {
  code: string;
  name: string;
  channels: string[];
  cases: { code: string; name: string; components: { code: string; name: string; originals: number; copies: number; required: boolean }[] }[];
  receivingUnits: { id: string; name: string }[];
}

export interface Receipt {
  code: string;
  title: string;
  procedureName: string;
  receivingUnitName: string;
  applicantName: string;
  channelText: string;
  components: { code: string; name: string; files: { fileName: string; sizeBytes: number }[] }[];
  receivedAt: string;
  promisedReturnAt: string;
  statusLookup: { token: string; path: string };
}

export const tenantApi = (tenantId: string, rest: string) => `/api/tenants/${tenantId}/${rest}`;
export const dossierApi = (tenantId: string, dossierId: string, rest = '') => `/api/tenants/${tenantId}/dossiers/${dossierId}${rest}`;
export const dossierPage = (tenantId: string, dossierId: string) => `/officer/dossiers/${tenantId}/${dossierId}`;
