import { schema } from '@gov/db';
import { unauthenticated } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAuthEvent } from '../auth/auth-events.js';
import { loadActor } from '../auth/load-actor.js';
import type { ServiceContext } from '../context.js';
import { assertNotLocked, recordCodeAttempt } from './attempts.js';
import { alreadyEnrolled, notAnAdmin, notEnrolled, secondFactorCodeError, type TotpCode } from './codes.js';
import { newRecoveryCodes, recoveryCodeDigest } from './recovery-codes.js';
import { openSecret, sealSecret, type SecondFactorKey } from './secret-box.js';
import { enrolmentKey, matchingStep, newTotpSecret } from './totp.js';
import { markSessionVerified, requiresSecondFactor } from './who-needs.js';

const notSignedIn = () => unauthenticated({ vi: 'Bạn chưa đăng nhập.', en: 'You are not signed in.' });

async function signedInAdmin(ctx: ServiceContext) {
  if (!ctx.actor) throw notSignedIn();
  const loaded = await loadActor(ctx.db, ctx.sql, ctx.actor.userId);
  if (!loaded) throw notSignedIn();
  if (!requiresSecondFactor(loaded.abilityInput)) throw notAnAdmin();
  const [user] = await ctx.db.select({ login: schema.users.login }).from(schema.users).where(eq(schema.users.id, ctx.actor.userId));
  return { userId: ctx.actor.userId, login: user?.login ?? ctx.actor.userId };
}

/**
 * Starts enrolling an authenticator app: a fresh secret, sealed before it is stored, and what the
 * app needs to learn it (the `otpauth://` URI for the QR code, and the same secret as text). Until
 * a first code confirms it, asking again gives the same secret, so a reloaded page shows the QR
 * code the person may already have scanned. Refused once confirmed: only a reset starts over.
 */
export async function startSecondFactorEnrolment({ ctx, key }: { ctx: ServiceContext; key: SecondFactorKey }) {
  const { userId, login } = await signedInAdmin(ctx);
  const f = schema.secondFactors;
  const [pending] = await ctx.db.select().from(f).where(eq(f.userId, userId));
  if (pending?.enrolledAt) throw alreadyEnrolled();
  if (pending) return enrolmentKey(openSecret(key, userId, pending.secretCiphertext), login);
  const secret = newTotpSecret();
  const written = await ctx.db
    .insert(f)
    .values({ userId, secretCiphertext: sealSecret(key, userId, secret) })
    .onConflictDoNothing()
    .returning({ userId: f.userId });
  // Two first requests at once: the other one's secret is the one kept.
  if (written.length === 0) return startSecondFactorEnrolment({ ctx, key });
  return enrolmentKey(secret, login);
}

/**
 * Confirms the enrolment with a first code from the app: the factor is on, this session has passed
 * it, and the ten recovery codes are returned this once (only their digests are kept). Wrong codes
 * count towards the sign-in lockout.
 */
export async function confirmSecondFactorEnrolment({
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
  input: TotpCode;
  ip: string;
  now?: Date;
}) {
  const { userId } = await signedInAdmin(ctx);
  await assertNotLocked(ctx, userId, ip);
  const f = schema.secondFactors;
  const outcome = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(f).where(eq(f.userId, userId)).for('update');
    if (!row) throw notEnrolled();
    if (row.enrolledAt) throw alreadyEnrolled();
    const step = matchingStep(openSecret(key, userId, row.secretCiphertext), input.code, now);
    if (step === null) return { ok: false as const };
    await tx
      .update(f)
      .set({ enrolledAt: now, lastUsedStep: step })
      .where(and(eq(f.userId, userId), isNull(f.enrolledAt)));
    const recoveryCodes = newRecoveryCodes();
    await tx.delete(schema.secondFactorRecoveryCodes).where(eq(schema.secondFactorRecoveryCodes.userId, userId));
    await tx.insert(schema.secondFactorRecoveryCodes).values(recoveryCodes.map((code) => ({ userId, codeDigest: recoveryCodeDigest(code) })));
    await markSessionVerified(tx, sessionId, now);
    return { ok: true as const, recoveryCodes };
  });
  await recordCodeAttempt(ctx.db, userId, ip, outcome.ok);
  if (!outcome.ok) {
    await recordAuthEvent(ctx.db, { kind: 'second_factor_failed', userId, ip, requestId: ctx.requestId, details: { step: 'enrol' } });
    throw secondFactorCodeError('wrong');
  }
  await recordAuthEvent(ctx.db, { kind: 'second_factor_enrolled', userId, ip, requestId: ctx.requestId });
  return { recoveryCodes: outcome.recoveryCodes };
}
