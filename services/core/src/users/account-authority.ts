import { schema, type TenantDb } from '@gov/db';
import { accountAuthority, forbidden, notFound, type AccountAct, type AdminGrant, type AppAction, type PlatformRole } from '@gov/domain';
import { and, eq, inArray, isNull, sql as raw } from 'drizzle-orm';
import { assertCan, assertCanInTenant } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { atUnit } from '../org-units/load-unit.js';
import { loadOfficer } from './load-officer.js';

/** The CASL permission each act also needs, at the target's unit, when a province or unit admin acts. */
const ACT_PERMISSION: Record<AccountAct, { action: AppAction; subject: 'User' | 'RoleAssignment'; field?: string }> = {
  reset_password: { action: 'update', subject: 'User', field: 'passwordHash' },
  deactivate: { action: 'update', subject: 'User', field: 'active' },
  reactivate: { action: 'update', subject: 'User', field: 'active' },
  edit_profile: { action: 'update', subject: 'User' },
  move: { action: 'update', subject: 'User', field: 'orgUnitId' },
  change_roles: { action: 'grant', subject: 'RoleAssignment' },
};

const isMinistryAdmin = (ctx: ServiceContext) => ctx.actor?.kind === 'ministry' && ctx.ability.can('manage', 'Tenant');

/**
 * First line of every verb that acts on someone's account: may this actor administer accounts
 * of this province at all (its province or unit admins, or the ministry admin)? The per-account
 * decision follows inside the transaction, in assertMayActOnAccount.
 */
export function assertAccountAdminIn(ctx: ServiceContext, tenantId: string, act: AccountAct): void {
  if (isMinistryAdmin(ctx)) return;
  const { action, subject } = ACT_PERMISSION[act];
  assertCanInTenant(ctx, action, subject, tenantId);
}

/**
 * The single check before any change to an officer's account: loads the actor's and the
 * target's admin assignments in this province, applies the domain's accountAuthority rule, then
 * (unless the ministry acts on a province admin, which CASL does not model) the act's
 * field-level permission at the target's unit. Returns the officer as loadOfficer does.
 */
export async function assertMayActOnAccount(tx: TenantDb, ctx: ServiceContext, args: { tenantId: string; userId: string; act: AccountAct }) {
  const { tenantId, userId, act } = args;
  const actorId = ctx.actor?.userId;
  if (!actorId) throw forbidden({ vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' });
  const u = schema.users;
  const [account] = await tx
    .select({
      kind: u.kind,
      platformRoles: raw<
        PlatformRole[]
      >`array(select pra.role::text from platform_role_assignments pra where pra.user_id = users.id and pra.revoked_at is null)`,
    })
    .from(u)
    .where(eq(u.id, userId));
  if (!account) throw notFound({ vi: 'Không tìm thấy cán bộ.', en: 'Officer not found.' });
  const target = account.kind === 'officer' && account.platformRoles.length === 0 ? await loadOfficer(tx, tenantId, userId) : null;
  const grants = await loadAdminGrants(tx, tenantId, [actorId, userId]);
  const verdict = accountAuthority({
    actor: { userId: actorId, ministryAdmin: isMinistryAdmin(ctx), adminGrants: grants.get(actorId) ?? [] },
    target: { userId, kind: account.kind, platformRoles: account.platformRoles, unitPath: target?.path ?? [], adminGrants: grants.get(userId) ?? [] },
  });
  if (!verdict.allowed) throw forbidden(verdict.reason);
  if (!target) throw notFound({ vi: 'Không tìm thấy cán bộ.', en: 'Officer not found.' });
  if (verdict.as !== 'ministry_admin') {
    const { action, subject, field } = ACT_PERMISSION[act];
    assertCan(ctx, action, subject, atUnit(tenantId, target.path), field);
  }
  return { ...target, as: verdict.as };
}

/** Active province and unit admin assignments of these users in the province, by user. */
async function loadAdminGrants(tx: TenantDb, tenantId: string, userIds: string[]): Promise<Map<string, AdminGrant[]>> {
  const { roleAssignments: r, orgUnits: o } = schema;
  const rows = await tx
    .select({ userId: r.userId, role: r.role, unitPath: o.path })
    .from(r)
    .innerJoin(o, and(eq(o.tenantId, r.tenantId), eq(o.id, r.orgUnitId)))
    .where(and(eq(r.tenantId, tenantId), inArray(r.userId, userIds), isNull(r.revokedAt), inArray(r.role, ['province_admin', 'unit_admin'])));
  const byUser = new Map<string, AdminGrant[]>();
  for (const row of rows) {
    if (row.role !== 'province_admin' && row.role !== 'unit_admin') continue;
    byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), { role: row.role, unitPath: row.unitPath }]);
  }
  return byUser;
}
