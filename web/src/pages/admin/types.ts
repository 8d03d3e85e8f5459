import type { ProcedureSummary } from '../ministry/catalog-types.js';

/** The province API's answers, from the API's own schemas: a change there breaks this type check. */
export type { DefaultProcessVersion, HandOverTargets, Officer, OrgUnit, ProcedureSetting, ProcessVersion, RoleAssignment } from '@gov/api/answers';

/** Kinds an admin may create; the root People's Committee is made with the province. */
export const UNIT_KINDS = ['department', 'office', 'service_centre', 'commune_one_stop', 'school', 'other'] as const;
export type UnitKind = 'people_committee' | (typeof UNIT_KINDS)[number];

export const tenantPath = (tenantId: string, rest: string) => `/api/tenants/${encodeURIComponent(tenantId)}/${rest}`;

/** A catalog entry as the national list gives it (latest version of each code). */
export type { ProcedureSummary };

/** One procedure's full record (GET /api/catalog/procedures/:code), the parts the designer needs. */
export interface ProcedureDetail extends ProcedureSummary {
  cases: { code: string; name: string }[];
  processingTime: { channel: string; amount: number; unit: 'working_days' | 'calendar_days' }[];
}

/** A province as GET /api/provinces lists it. */
export interface Province {
  id: string;
  code: string;
  name: string;
}
