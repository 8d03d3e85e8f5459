import { schema, type Queryable } from '@gov/db';
import { eq } from 'drizzle-orm';
import type { AbilityInput } from '../abilities/build-ability.js';

/**
 * Whether these assignments make the user an administrator who must pass a second factor (ministry,
 * province or unit admin): they can change who may do what.
 */
export function requiresSecondFactor(input: Pick<AbilityInput, 'grants' | 'platformRoles'>): boolean {
  return input.platformRoles.includes('ministry_admin') || input.grants.some((g) => g.role === 'province_admin' || g.role === 'unit_admin');
}

/** What a pending session has to do next: enrol an authenticator, or type a code from it. */
export type SecondFactorStep = 'enrol' | 'verify';

export async function secondFactorStep(db: Queryable, userId: string): Promise<SecondFactorStep> {
  const [row] = await db.select({ enrolledAt: schema.secondFactors.enrolledAt }).from(schema.secondFactors).where(eq(schema.secondFactors.userId, userId));
  return row?.enrolledAt ? 'verify' : 'enrol';
}

/** Marks the session as past the second factor. */
export async function markSessionVerified(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.update(schema.sessions).set({ secondFactorAt: now }).where(eq(schema.sessions.id, sessionId));
}
