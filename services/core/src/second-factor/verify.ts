import { schema } from '@gov/db';
import { unauthenticated } from '@gov/domain';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { recordAuthEvent } from '../auth/auth-events.js';
import type { ServiceContext } from '../context.js';
import { assertNotLocked, recordCodeAttempt } from './attempts.js';
import { notEnrolled, secondFactorCodeError, type SecondFactorCode } from './codes.js';
import { looksLikeRecoveryCode, recoveryCodeDigest } from './recovery-codes.js';
import { openSecret, type SecondFactorKey } from './secret-box.js';
import { matchingStep } from './totp.js';
import { markSessionVerified } from './who-needs.js';

type Outcome = { ok: true; method: 'totp' | 'recovery_code' } | { ok: false; problem: 'wrong' | 'reused' };

/**
 * The second step of an administrator's sign-in: a code from the authenticator app, or one of the
 * recovery codes. An app code works once (its time step must be later than the last one used); a
 * recovery code works once. Every refusal counts towards the sign-in lockout, so guessing six
 * digits stops after five tries in 15 minutes.
 */
export async function verifySecondFactor({
  ctx,
  key,
  sessionId,
  input,
  ip,
  now = new Date(),
}: {
  ctx: ServiceContext;
  key: SecondFactorKey;
  sessionId: string;
  input: SecondFactorCode;
  ip: string;
  now?: Date;
}) {
  if (!ctx.actor) throw unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });
  const userId = ctx.actor.userId;
  await assertNotLocked(ctx, userId, ip);
  const f = schema.secondFactors;
  const r = schema.secondFactorRecoveryCodes;
  const outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.select().from(f).where(eq(f.userId, userId)).for('update');
    if (!row?.enrolledAt) throw notEnrolled();
    let result: Outcome = { ok: false, problem: 'wrong' };
    if (/^\d{6}$/.test(input.code)) {
      const step = matchingStep(openSecret(key, userId, row.secretCiphertext), input.code, now);
      if (step !== null) {
        const advanced = await tx
          .update(f)
          .set({ lastUsedStep: step })
          .where(and(eq(f.userId, userId), or(isNull(f.lastUsedStep), lt(f.lastUsedStep, step))))
          .returning({ userId: f.userId });
        result = advanced.length > 0 ? { ok: true, method: 'totp' } : { ok: false, problem: 'reused' };
      }
    } else if (looksLikeRecoveryCode(input.code)) {
      const used = await tx
        .update(r)
        .set({ usedAt: now })
        .where(and(eq(r.userId, userId), eq(r.codeDigest, recoveryCodeDigest(input.code)), isNull(r.usedAt)))
        .returning({ id: r.id });
      if (used.length > 0) result = { ok: true, method: 'recovery_code' };
    }
    if (result.ok) await markSessionVerified(tx, sessionId, now);
    return result;
  });
  await recordCodeAttempt(ctx.db, userId, ip, outcome.ok);
  if (!outcome.ok) {
    await recordAuthEvent(ctx.db, { kind: 'second_factor_failed', userId, ip, requestId: ctx.requestId, details: { reason: outcome.problem } });
    throw secondFactorCodeError(outcome.problem);
  }
  const left = await ctx.db
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.userId, userId), isNull(r.usedAt)));
  await recordAuthEvent(ctx.db, { kind: 'second_factor_verified', userId, ip, requestId: ctx.requestId, details: { method: outcome.method } });
  return { method: outcome.method, recoveryCodesLeft: left.length };
}
