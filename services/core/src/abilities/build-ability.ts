import {
  createAppAbility,
  PLATFORM_ROLE_PERMISSIONS,
  TENANT_ROLE_PERMISSIONS,
  type AppAbility,
  type AppRule,
  type Permission,
  type PlatformRole,
  type TenantRole,
} from '@gov/domain';

/** One active role assignment, with whether its unit is the province's root (whole tenant). */
export interface Grant {
  role: TenantRole;
  tenantId: string;
  orgUnitId: string;
  wholeTenant: boolean;
}

export interface AbilityInput {
  userId: string | null;
  kind: 'officer' | 'ministry' | 'citizen' | null;
  grants: Grant[];
  platformRoles: PlatformRole[];
}

function rule(permission: Permission, conditions?: Record<string, unknown>): AppRule {
  return {
    action: permission.action,
    subject: permission.subject,
    ...(permission.fields ? { fields: permission.fields } : {}),
    ...(conditions ? { conditions } : {}),
  };
}

/**
 * The request's CASL rules, built from the actor's assignments. Every tenant rule carries the
 * tenant, and a subtree rule also requires the subject's unit path (`orgUnitPath`, the ids from
 * the root down) to contain the assignment's unit: subjects outside the tenant or the subtree
 * never match, so the default is deny.
 */
export function buildRules(input: AbilityInput): AppRule[] {
  const rules: AppRule[] = [
    { action: 'read', subject: 'Procedure' },
    { action: 'read', subject: 'Tenant' },
  ];
  if (input.kind === 'citizen' && input.userId) {
    rules.push({ action: 'create', subject: 'Dossier', conditions: { applicantUserId: input.userId } });
    rules.push({ action: 'read', subject: 'Dossier', conditions: { applicantUserId: input.userId } });
  }
  for (const role of input.platformRoles) {
    for (const permission of PLATFORM_ROLE_PERMISSIONS[role]) rules.push(rule(permission, permission.conditions));
  }
  for (const grant of input.grants) {
    const scope = grant.wholeTenant ? { tenantId: grant.tenantId } : { tenantId: grant.tenantId, orgUnitPath: { $all: [grant.orgUnitId] } };
    for (const permission of TENANT_ROLE_PERMISSIONS[grant.role]) rules.push(rule(permission, scope));
  }
  return rules;
}

export function buildAbility(input: AbilityInput): AppAbility {
  return createAppAbility(buildRules(input));
}

/** A request context's share of its actor's authority: the ability and the grants it was built from. */
export function authorityOf(input: AbilityInput): { ability: AppAbility; grants: readonly Grant[] } {
  return { ability: buildAbility(input), grants: input.grants };
}
