import type { Answer, ItemOf, api } from '../../api.js';

// The province API's answers, typed from the API's routes: a change there breaks this type check.
type Tenant = (typeof api.tenants)[':tenantId'];
export type OrgUnit = ItemOf<Tenant['org-units']['$get']>;
export type Officer = ItemOf<Tenant['users']['$get']>;
export type RoleAssignment = ItemOf<Tenant['role-assignments']['$get']>;
export type ProcedureSetting = ItemOf<Tenant['procedure-settings']['$get']>;
export type ProcessVersion = ItemOf<Tenant['processes']['$get']>;
export type DefaultProcessVersion = ItemOf<(typeof api.catalog)['default-processes']['$get']>;
export type HandOverTargets = Answer<Tenant['hand-over-targets']['$get']>;
/** A catalog entry as the national list gives it (latest version of each code). */
export type ProcedureSummary = ItemOf<typeof api.catalog.procedures.$get>;
/** One procedure's full record (GET /api/catalog/procedures/:code). */
export type ProcedureDetail = Answer<(typeof api.catalog.procedures)[':code']['$get']>;
/** A province as GET /api/provinces lists it. */
export type Province = ItemOf<typeof api.provinces.$get>;

/** Kinds an admin may create; the root People's Committee is made with the province. */
export const UNIT_KINDS = ['department', 'office', 'service_centre', 'commune_one_stop', 'school', 'other'] as const;
export type UnitKind = 'people_committee' | (typeof UNIT_KINDS)[number];
