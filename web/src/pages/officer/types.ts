/** The dossier API's answers, from the API's own schemas: a change there breaks this type check. */
export type { DossierDetail, DossierEvent, DossierFile, InboxItem, IntakeProcedure, Receipt } from '@gov/api/answers';

export const tenantApi = (tenantId: string, rest: string) => `/api/tenants/${tenantId}/${rest}`;
export const dossierApi = (tenantId: string, dossierId: string, rest = '') => `/api/tenants/${tenantId}/dossiers/${dossierId}${rest}`;
export const dossierPage = (tenantId: string, dossierId: string) => `/officer/dossiers/${tenantId}/${dossierId}`;
