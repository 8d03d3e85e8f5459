import { schema, withTenant, type Queryable } from '@gov/db';
import { forbidden, notFound, unauthenticated, type PlatformRole } from '@gov/domain';
import { eq, sql as raw } from 'drizzle-orm';
import { recordAuthEvent } from '../auth/auth-events.js';
import { invalidateUserSessions } from '../auth/sessions.js';
import { audit } from '../audit.js';
import { platformAudit } from '../catalog/platform-audit.js';
import type { ServiceContext } from '../context.js';
import { assertAccountAdminIn, assertMayActOnAccount } from '../users/account-authority.js';
import { notEnrolled } from './codes.js';

const SELF = {
  vi: 'Không thể tự đặt lại xác thực hai lớp của mình; hãy nhờ quản trị cấp trên.',
  en: 'You cannot reset your own second factor; ask the administrator above you.',
};
const MINISTRY_ONLY = {
  vi: 'Chỉ quản trị Bộ mới đặt lại được xác thực hai lớp của quản trị Bộ.',
  en: "Only a ministry administrator can reset a ministry administrator's second factor.",
};

const isMinistryAdmin = (ctx: ServiceContext) => ctx.actor?.kind === 'ministry' && ctx.ability.can('manage', 'Tenant');

/** Drops the authenticator and its recovery codes, and ends every session: the next sign-in enrols afresh. */
async function dropFactor(tx: Queryable, userId: string): Promise<void> {
  const dropped = await tx.delete(schema.secondFactors).where(eq(schema.secondFactors.userId, userId)).returning({ userId: schema.secondFactors.userId });
  if (dropped.length === 0) throw notEnrolled();
  await invalidateUserSessions(tx, userId);
}

/**
 * Resets another administrator's second factor (a lost phone, used-up recovery codes). Who may is
 * the account-authority rule of password resets: the ministry admin for province admins, a
 * province admin for the other officers of their province (so unit admins), never a fellow
 * province admin, never oneself; ministry admins, whom no province manages, are reset by another
 * ministry admin. Audited where the account is managed; codes and secrets are never in the record.
 */
export async function resetSecondFactor({ ctx, userId, ip }: { ctx: ServiceContext; userId: string; ip: string }) {
  const actorId = ctx.actor?.userId;
  if (!actorId) throw unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });
  const u = schema.users;
  const [target] = await ctx.db
    .select({
      kind: u.kind,
      homeTenantId: u.homeTenantId,
      platformRoles: raw<
        PlatformRole[]
      >`array(select pra.role::text from platform_role_assignments pra where pra.user_id = users.id and pra.revoked_at is null)`,
    })
    .from(u)
    .where(eq(u.id, userId));
  if (!target) throw notFound({ vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });
  if (target.platformRoles.includes('ministry_admin')) {
    if (!isMinistryAdmin(ctx)) throw forbidden(MINISTRY_ONLY);
    if (actorId === userId) throw forbidden(SELF);
    await ctx.db.transaction(async (tx) => {
      await dropFactor(tx, userId);
      await platformAudit(tx, ctx, { action: 'user.second_factor_reset', subjectType: 'user', subjectId: userId });
    });
  } else {
    const tenantId = target.homeTenantId;
    if (target.kind !== 'officer' || !tenantId) throw forbidden(MINISTRY_ONLY);
    assertAccountAdminIn(ctx, tenantId, 'reset_password');
    await withTenant(ctx.sql, tenantId, async (tx) => {
      await assertMayActOnAccount(tx, ctx, { tenantId, userId, act: 'reset_password' });
      await dropFactor(tx, userId);
      await audit(tx, ctx, { tenantId, action: 'user.second_factor_reset', subjectType: 'user', subjectId: userId });
    });
  }
  await recordAuthEvent(ctx.db, { kind: 'second_factor_reset', userId, ip, requestId: ctx.requestId, details: { by: actorId } });
  return { userId, enrolmentRequired: true as const };
}
