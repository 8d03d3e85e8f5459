import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';

/**
 * What can be done to what. Shared by the API (checks, SQL filters) and the web app (what to
 * show), which must run the same CASL version. Every rule built for a tenant role carries
 * `tenantId` and, where it applies, `orgUnitPath` (the subject's unit path must contain the
 * assignment's unit: the subtree).
 */
export type AppAction =
  'manage' | 'read' | 'create' | 'update' | 'delete' | 'grant' | 'publish' | 'activate' | 'receive' | 'process' | 'approve' | 'return_result' | 'answer';

export type AppSubject =
  | 'all'
  | 'Tenant'
  | 'OrgUnit'
  | 'User'
  | 'RoleAssignment'
  | 'Procedure'
  | 'ProcedureSetting'
  | 'ProcessDefinition'
  | 'Calendar'
  | 'Dossier'
  | 'Feedback'
  | 'Report'
  | 'AuditLog'
  | 'Notification'
  | 'PortalSync';

export type AppAbility = MongoAbility<[AppAction, AppSubject | Record<string, unknown>]>;
export type AppRule = RawRuleOf<AppAbility>;

/** Builds an ability from packed or raw rules (the web app unpacks the session's rules). */
export function createAppAbility(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}
