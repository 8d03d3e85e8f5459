import { schema } from '@gov/db';
import { unauthenticated } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { loadActor } from '../auth/load-actor.js';
import type { ServiceContext } from '../context.js';
import { requiresSecondFactor } from './who-needs.js';

/**
 * Where the signed-in user stands: whether their roles require the second factor, whether an
 * authenticator is enrolled, whether this session has passed it, and how many recovery codes are left.
 */
export async function secondFactorStatus({ ctx, sessionVerifiedAt }: { ctx: ServiceContext; sessionVerifiedAt: Date | null }) {
  if (!ctx.actor) throw unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });
  const userId = ctx.actor.userId;
  const loaded = await loadActor(ctx.db, ctx.sql, userId);
  const f = schema.secondFactors;
  const r = schema.secondFactorRecoveryCodes;
  const [row] = await ctx.db.select({ enrolledAt: f.enrolledAt }).from(f).where(eq(f.userId, userId));
  const left = row?.enrolledAt
    ? await ctx.db
        .select({ id: r.id })
        .from(r)
        .where(and(eq(r.userId, userId), isNull(r.usedAt)))
    : [];
  return {
    required: loaded ? requiresSecondFactor(loaded.abilityInput) : false,
    enrolled: Boolean(row?.enrolledAt),
    verified: sessionVerifiedAt !== null,
    recoveryCodesLeft: left.length,
  };
}
