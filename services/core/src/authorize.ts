import { subject as tag } from '@casl/ability';
import { forbidden, refusalMessage, unauthenticated, type AppAction, type AppSubject } from '@gov/domain';
import type { ServiceContext } from './context.js';

type SubjectName = Exclude<AppSubject, 'all'>;

/**
 * The first line of every service verb: may this actor do `action` to this subject (a type, or
 * a plain row tagged with its type so conditions such as tenantId and the unit subtree apply)?
 * Fails closed with a message the user can act on.
 */
export function assertCan(ctx: ServiceContext, action: AppAction, subjectType: SubjectName, object?: Record<string, unknown>, field?: string): void {
  if (can(ctx, action, subjectType, object, field)) return;
  if (!ctx.actor) {
    throw unauthenticated({ vi: 'Vui lòng đăng nhập để thực hiện thao tác này.', en: 'Please sign in to do this.' });
  }
  throw forbidden(refusalMessage(action, subjectType));
}

/** The same question without refusing: for checks that report many rows at once (an import file). */
export function can(ctx: ServiceContext, action: AppAction, subjectType: SubjectName, object?: Record<string, unknown>, field?: string): boolean {
  return ctx.ability.can(action, object ? tag(subjectType, { ...object }) : subjectType, field);
}

/**
 * The first line of a tenant-scoped verb: may this actor do `action` to some `subjectType` in
 * this province at all (a rule for this tenant, or an unconditional ministry rule)? Instance
 * checks (the unit subtree, fields) follow once the row is loaded. Another province's data is
 * refused here, before any query.
 */
export function assertCanInTenant(ctx: ServiceContext, action: AppAction, subjectType: SubjectName, tenantId: string): void {
  const possible = ctx.ability
    .rulesFor(action, subjectType)
    .some((rule) => !rule.inverted && (!rule.conditions || (rule.conditions as { tenantId?: unknown }).tenantId === tenantId));
  if (possible) return;
  assertCan(ctx, action, subjectType, { tenantId, orgUnitPath: [] });
}
