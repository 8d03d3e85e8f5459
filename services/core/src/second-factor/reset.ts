import { schema, withTenant, type Db, type Queryable } from '@gov/db';
import { forbidden, notFound, unauthenticated, type PlatformRole } from '@gov/domain';
import { randomUUID } from 'node:crypto';
import { and, eq, sql as raw } from 'drizzle-orm';
import { recordAuthEvent } from '../auth/auth-events.js';
import { invalidateUserSessions } from '../auth/sessions.js';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertAccountAdminIn, assertMayActOnAccount } from '../users/account-authority.js';
import { notEnrolled } from './codes.js';

const SELF = {
  vi: 'Không thể tự đặt lại xác thực hai lớp của mình; hãy nhờ quản trị cấp trên.',
  en: 'You cannot reset your own second factor; ask the administrator above you.',
};
const OPERATOR_ONLY = {
  vi: 'Xác thực hai lớp của quản trị Bộ chỉ do đơn vị vận hành nền tảng đặt lại (có ghi nhật ký), không qua một quản trị khác.',
  en: "A ministry administrator's second factor is reset only by the platform's operator (audited), never by another administrator.",
};
const NOT_OFFICER = {
  vi: 'Tài khoản này không có xác thực hai lớp do quản trị tỉnh hay Bộ quản lý.',
  en: 'This account has no second factor managed by a province or the ministry.',
};

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
 * province admin, never oneself. A ministry admin's is never reset by another admin (that would be
 * the lateral move between peers): only the operator, through `resetMinistryAdminFactor`. Audited
 * in the province's log; codes and secrets are never in the record.
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
  if (target.platformRoles.includes('ministry_admin')) throw forbidden(actorId === userId ? SELF : OPERATOR_ONLY);
  const tenantId = target.homeTenantId;
  if (target.kind !== 'officer' || !tenantId) throw forbidden(NOT_OFFICER);
  assertAccountAdminIn(ctx, tenantId, 'reset_password');
  await withTenant(ctx.sql, tenantId, async (tx) => {
    await assertMayActOnAccount(tx, ctx, { tenantId, userId, act: 'reset_password' });
    await dropFactor(tx, userId);
    await audit(tx, ctx, { tenantId, action: 'user.second_factor_reset', subjectType: 'user', subjectId: userId });
  });
  await recordAuthEvent(ctx.db, { kind: 'second_factor_reset', userId, ip, requestId: ctx.requestId, details: { by: actorId } });
  return { userId, enrolmentRequired: true as const };
}

/**
 * The operator's reset of a ministry admin's second factor (`npm run admin:reset-second-factor`),
 * for the lost phone no peer may fix: the platform's log records it with no acting user and the
 * operator's stated name, and the auth events record it like any reset.
 */
export async function resetMinistryAdminFactor(db: Db, { login, operator }: { login: string; operator: string }): Promise<{ userId: string }> {
  const [target] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(
      and(
        raw`lower(${schema.users.login}) = lower(${login})`,
        raw`exists (select 1 from platform_role_assignments pra where pra.user_id = users.id and pra.role = 'ministry_admin' and pra.revoked_at is null)`,
      ),
    );
  if (!target) throw notFound({ vi: `Không có quản trị Bộ đăng nhập bằng ${login}.`, en: `No ministry administrator signs in as ${login}.` });
  const requestId = randomUUID();
  await db.transaction(async (tx) => {
    await dropFactor(tx, target.id);
    await tx.insert(schema.platformAuditLog).values({
      actorUserId: null,
      action: 'user.second_factor_reset',
      subjectType: 'user',
      subjectId: target.id,
      details: { by: 'operator', operator },
      requestId,
    });
  });
  await recordAuthEvent(db, { kind: 'second_factor_reset', userId: target.id, requestId, details: { by: 'operator' } });
  return { userId: target.id };
}
