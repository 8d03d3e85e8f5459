import type { DefaultProcessStep, ProcessStep, TenantRole } from '@gov/domain';
import type { ProcedureSummary } from '../ministry/catalog-types.js';

/** Shapes of the province API's answers (services/core list-* verbs), as the console uses them. */
/** Kinds an admin may create; the root People's Committee is made with the province. */
export const UNIT_KINDS = ['department', 'office', 'service_centre', 'commune_one_stop', 'school', 'other'] as const;
export type UnitKind = 'people_committee' | (typeof UNIT_KINDS)[number];

export interface OrgUnit {
  id: string;
  parentId: string | null;
  /** Ids from the province root down to this unit: CASL's subtree conditions match on it. */
  path: string[];
  code: string;
  name: string;
  kind: UnitKind;
  active: boolean;
}

export interface Officer {
  userId: string;
  login: string;
  fullName: string;
  /** Masked by the API unless the viewer may edit it. */
  citizenId: string | null;
  position: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  orgUnitId: string | null;
  orgUnitName: string | null;
}

export interface RoleAssignment {
  id: string;
  userId: string;
  fullName: string | null;
  role: TenantRole;
  orgUnitId: string;
  orgUnitName: string;
  grantedAt: string;
  reason: string | null;
}

export const tenantPath = (tenantId: string, rest: string) => `/api/tenants/${encodeURIComponent(tenantId)}/${rest}`;

/** A catalog entry as the national list gives it (latest version of each code). */
export type { ProcedureSummary };

/** One procedure's full record (GET /api/catalog/procedures/:code), the parts the designer needs. */
export interface ProcedureDetail extends ProcedureSummary {
  cases: { code: string; name: string }[];
  processingTime: { channel: string; amount: number; unit: 'working_days' | 'calendar_days' }[];
}

/** A province's activation of a national procedure. */
export interface ProcedureSetting {
  id: string;
  procedureCode: string;
  receivingUnitIds: string[];
  handlingUnitIds: string[];
  localFeeVnd: number | null;
  beneficiaryAccount: string | null;
  active: boolean;
}

/** One version of a province's electronic process. */
export interface ProcessVersion {
  id: string;
  procedureCode: string;
  caseCode: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  steps: ProcessStep[];
  createdAt: string;
  publishedAt: string | null;
}

/** A ministry default process version (steps name unit kinds, not units). */
export interface DefaultProcessVersion {
  id: string;
  procedureCode: string;
  caseCode: string;
  version: number;
  steps: DefaultProcessStep[];
}

/** A province as GET /api/provinces lists it. */
export interface Province {
  id: string;
  code: string;
  name: string;
}

/** Another province's active units a hand-over may target (GET …/hand-over-targets?province=). */
export interface HandOverTargets {
  province: { id: string; name: string };
  items: { id: string; code: string; name: string; kind: UnitKind }[];
}
