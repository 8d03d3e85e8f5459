import type { AppAction, AppSubject } from './ability.js';
import type { PlatformRole, TenantRole } from './roles.js';
import { UNIT_CONTACT_FIELDS } from './unit-contact.js';

export interface Permission {
  action: AppAction;
  subject: Exclude<AppSubject, 'all'>;
  /** Only these fields (CASL field-level rule); all fields when omitted. */
  fields?: string[];
  /** Extra conditions, e.g. the ministry's own default processes are those with `tenantId: null`. */
  conditions?: Record<string, unknown>;
}

/**
 * Phản ánh, kiến nghị about a unit, a procedure or a dossier: every officer of the responsible unit
 * (or above it) reads and answers them; the ministry only reads.
 */
const FEEDBACK_WORK: Permission[] = [
  { action: 'read', subject: 'Feedback' },
  { action: 'answer', subject: 'Feedback' },
];

const OFFICER_WORK: Permission[] = [
  { action: 'read', subject: 'Dossier' },
  { action: 'create', subject: 'Dossier' },
  { action: 'receive', subject: 'Dossier' },
  { action: 'process', subject: 'Dossier' },
  { action: 'approve', subject: 'Dossier' },
  { action: 'return_result', subject: 'Dossier' },
  ...FEEDBACK_WORK,
];

/** Officer profile fields a unit admin may edit; citizen ID and unit moves stay with the province. */
const UNIT_ADMIN_USER_FIELDS = ['fullName', 'position', 'phone', 'email', 'active'];

/**
 * What each tenant role may do, within its scope (the whole province for a province admin, the
 * org-unit subtree of the assignment otherwise). An admin holds every permission it can delegate,
 * because delegation is allowed only for roles whose permissions are a subset of the granter's
 * (docs/domain/roles.md: admins must be able to do all four delegated functions, not a slice of them).
 */
export const TENANT_ROLE_PERMISSIONS: Record<TenantRole, Permission[]> = {
  province_admin: [
    { action: 'manage', subject: 'OrgUnit' },
    { action: 'manage', subject: 'User' },
    { action: 'read', subject: 'RoleAssignment' },
    { action: 'grant', subject: 'RoleAssignment' },
    { action: 'manage', subject: 'ProcedureSetting' },
    { action: 'manage', subject: 'ProcessDefinition' },
    { action: 'manage', subject: 'Calendar' },
    { action: 'read', subject: 'Report' },
    { action: 'read', subject: 'AuditLog' },
    // The province's sender identity and what its messages cost (docs/domain/notifications.md).
    { action: 'manage', subject: 'Notification' },
    { action: 'manage', subject: 'PortalSync' },
    ...OFFICER_WORK,
  ],
  unit_admin: [
    { action: 'read', subject: 'OrgUnit' },
    { action: 'create', subject: 'OrgUnit' },
    { action: 'update', subject: 'OrgUnit', fields: ['name', 'active', ...UNIT_CONTACT_FIELDS] },
    { action: 'read', subject: 'User' },
    { action: 'create', subject: 'User' },
    { action: 'update', subject: 'User', fields: UNIT_ADMIN_USER_FIELDS },
    { action: 'read', subject: 'RoleAssignment' },
    { action: 'grant', subject: 'RoleAssignment' },
    { action: 'read', subject: 'Report' },
    ...OFFICER_WORK,
  ],
  reception_officer: [
    { action: 'read', subject: 'Dossier' },
    { action: 'create', subject: 'Dossier' },
    { action: 'receive', subject: 'Dossier' },
    ...FEEDBACK_WORK,
  ],
  specialist: [{ action: 'read', subject: 'Dossier' }, { action: 'process', subject: 'Dossier' }, ...FEEDBACK_WORK],
  leader: [{ action: 'read', subject: 'Dossier' }, { action: 'approve', subject: 'Dossier' }, { action: 'read', subject: 'Report' }, ...FEEDBACK_WORK],
  result_clerk: [{ action: 'read', subject: 'Dossier' }, { action: 'return_result', subject: 'Dossier' }, ...FEEDBACK_WORK],
};

/** Ministry roles span every province and are never granted by a province. */
export const PLATFORM_ROLE_PERMISSIONS: Record<PlatformRole, Permission[]> = {
  ministry_admin: [
    { action: 'manage', subject: 'Tenant' },
    { action: 'manage', subject: 'Procedure' },
    { action: 'publish', subject: 'ProcessDefinition', conditions: { tenantId: null } },
    { action: 'read', subject: 'OrgUnit' },
    { action: 'read', subject: 'User' },
    { action: 'read', subject: 'RoleAssignment' },
    { action: 'read', subject: 'Report' },
    { action: 'read', subject: 'AuditLog' },
    { action: 'read', subject: 'Notification' },
    { action: 'manage', subject: 'PortalSync' },
  ],
  ministry_oversight: (
    [
      'Tenant',
      'OrgUnit',
      'User',
      'RoleAssignment',
      'Procedure',
      'ProcedureSetting',
      'ProcessDefinition',
      'Dossier',
      'Feedback',
      'Report',
      'AuditLog',
      'Calendar',
      'Notification',
      'PortalSync',
    ] as const
  ).map((subject) => ({ action: 'read' as const, subject })),
};

/** Roles a province or unit admin may never grant: the cap and the ministry's appointments. */
export const NEVER_DELEGATED: readonly string[] = ['province_admin', 'ministry_admin', 'ministry_oversight'];
