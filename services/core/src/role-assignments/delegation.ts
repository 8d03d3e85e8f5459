import { subject as tag } from '@casl/ability';
import { ACTION_WORDS, forbidden, NEVER_DELEGATED, ROLE_LABELS, SUBJECT_WORDS, TENANT_ROLE_PERMISSIONS, type TenantRole } from '@gov/domain';
import type { ServiceContext } from '../context.js';

/**
 * Delegation without escalation: a role may be granted over a unit only if every permission of
 * that role is one the granter holds there (and, for a permission on all fields, on all fields).
 * Province-admin and ministry roles are never delegated by a province; nobody grants themselves.
 */
export function assertMayDelegate(ctx: ServiceContext, args: { role: TenantRole; tenantId: string; unitPath: string[]; granteeId: string }): void {
  if (NEVER_DELEGATED.includes(args.role)) {
    throw forbidden({
      vi: `Vai trò "${ROLE_LABELS[args.role].vi}" chỉ do Bộ bổ nhiệm, không thể cấp tại tỉnh.`,
      en: `The "${ROLE_LABELS[args.role].en}" role is appointed by the ministry only.`,
    });
  }
  if (args.granteeId === ctx.actor?.userId) {
    throw forbidden({ vi: 'Không thể tự cấp vai trò cho chính mình.', en: 'You cannot grant a role to yourself.' });
  }
  const target: Record<string, unknown> = { tenantId: args.tenantId, orgUnitPath: args.unitPath };
  for (const permission of TENANT_ROLE_PERMISSIONS[args.role]) {
    const subject = tag(permission.subject, { ...target });
    const covered = permission.fields
      ? permission.fields.every((field) => ctx.ability.can(permission.action, subject, field))
      : ctx.ability.can(permission.action, subject) && !ctx.ability.relevantRuleFor(permission.action, subject)?.fields;
    if (!covered) {
      const [action, what] = [ACTION_WORDS[permission.action], SUBJECT_WORDS[permission.subject]];
      throw forbidden({
        vi: `Không thể cấp vai trò "${ROLE_LABELS[args.role].vi}": vai trò này có quyền ${action.vi} ${what.vi}, quyền mà bạn không có tại đơn vị này.`,
        en: `Cannot grant "${ROLE_LABELS[args.role].en}": it may ${action.en} ${what.en}, which you may not do at this unit.`,
      });
    }
  }
}
