import type { api, Answer, ItemOf } from '../../api.js';

// The audit API's answers, typed from the API's routes: a change there breaks this type check.
/** One audit-log row. */
export type AuditEntry = ItemOf<(typeof api.tenants)[':tenantId']['audit-log']['$get']>;
export type ChainStatus = Answer<(typeof api.tenants)[':tenantId']['audit-log']['chain']['$get']>;
/** One ministry read of the province. */
export type MinistryRead = ItemOf<(typeof api.tenants)[':tenantId']['ministry-reads']['$get']>;
