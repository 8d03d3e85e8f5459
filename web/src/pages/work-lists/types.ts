/** The work lists' answers, from the API's own schemas: a change there breaks this type check. */
export type { WorkListItem, WorkListPage } from '@gov/api/answers';

/** The three lists, by their path under /api/tenants/:tenantId/work-lists. */
export const LISTS = ['overdue', 'near-due', 'stuck'] as const;
export type ListPath = (typeof LISTS)[number];

export const workListApi = (tenantId: string, rest: string) => `/api/tenants/${encodeURIComponent(tenantId)}/work-lists/${rest}`;
