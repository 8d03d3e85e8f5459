import type { api, Answer, ItemOf } from '../../api.js';

// The dossier API's answers, typed from the API's routes: a change there breaks this type check.
type Tenant = (typeof api.tenants)[':tenantId'];
export type DossierDetail = Answer<Tenant['dossiers'][':dossierId']['$get']>;
export type DossierFile = DossierDetail['files'][number];
export type DossierEvent = DossierDetail['events'][number];
export type InboxItem = ItemOf<Tenant['inbox']['$get']>;
export type IntakeProcedure = ItemOf<Tenant['intake-procedures']['$get']>;
export type Receipt = Answer<Tenant['dossiers'][':dossierId']['receipt']['$get']>;

export const tenantApi = (tenantId: string, rest: string) => `/api/tenants/${tenantId}/${rest}`;
export const dossierApi = (tenantId: string, dossierId: string, rest = '') => `/api/tenants/${tenantId}/dossiers/${dossierId}${rest}`;
export const dossierPage = (tenantId: string, dossierId: string) => `/officer/dossiers/${tenantId}/${dossierId}`;
