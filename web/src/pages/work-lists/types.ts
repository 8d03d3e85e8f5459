import type { api, Answer } from '../../api.js';

/** The work lists' answers, typed from the API's routes: a change there breaks this type check. */
type WorkListApi = (typeof api.tenants)[':tenantId']['work-lists'];
export type WorkListPage = Answer<WorkListApi['overdue']['$get']>;
export type WorkListItem = WorkListPage['items'][number];
export type WorkListSettings = Answer<WorkListApi['settings']['$get']>;

/** The three lists, by their path under /api/tenants/:tenantId/work-lists. */
export const LISTS = ['overdue', 'near-due', 'stuck'] as const;
export type ListPath = (typeof LISTS)[number];
