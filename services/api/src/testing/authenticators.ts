import { stepAt, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '@gov/core';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';

/** The tests' SECOND_FACTOR_KEY (never used outside tests), as the env variable and as bytes. */
export const TEST_SECOND_FACTOR_KEY_HEX = '5d0c9a3b7e21f4c86a1d0e9b3c7f52a48e6b1d0f9c3a7e25b4d8f1a6c0e93b72';
export const TEST_SECOND_FACTOR_KEY = new Uint8Array(Buffer.from(TEST_SECOND_FACTOR_KEY_HEX, 'hex'));

/**
 * The time TOTP codes are checked at in this test process: the real time plus however far the
 * authenticators below had to move it. A code works once, so a test that signs the same admin in
 * twice within 30 seconds would otherwise have to wait for the next code; the clock moves on instead.
 */
let offsetMs = 0;
export const testSecondFactorClock = () => new Date(Date.now() + offsetMs);

/** The code of a base32 secret at a time step (what the authenticator app would show). */
export function totpCodeAt(secret: string, step: number): string {
  return generateHOTP(decodeBase32IgnorePadding(secret.toUpperCase()), BigInt(step), TOTP_DIGITS);
}

/** The code of a base32 secret now, by the real clock (the browser journeys' API process uses it). */
export const totpCodeNow = (secret: string, now = new Date()) => totpCodeAt(secret, stepAt(now));

interface Authenticator {
  secret: string;
  lastStep: number;
  recoveryCodes: string[];
}

/** The authenticator app of every admin the tests enrolled in this process, by user id. */
const apps = new Map<string, Authenticator>();

export function rememberAuthenticator(userId: string, secret: string, usedStep: number, recoveryCodes: string[] = []): void {
  apps.set(userId, { secret, lastStep: usedStep, recoveryCodes });
}

export function keepRecoveryCodes(userId: string, codes: string[]): void {
  const app = apps.get(userId);
  if (app) app.recoveryCodes = codes;
}

export function recoveryCodesOf(userId: string): string[] {
  const app = apps.get(userId);
  if (!app) throw new Error(`no authenticator enrolled for ${userId} in this test process`);
  return app.recoveryCodes;
}

/**
 * A code of this admin's app that the API has not seen yet: the current step's, after moving the
 * test clock past the last step used. Returns the step too, for tests about reuse.
 */
export function freshCode(userId: string): { code: string; step: number } {
  const app = apps.get(userId);
  if (!app) throw new Error(`no authenticator enrolled for ${userId} in this test process`);
  let step = stepAt(testSecondFactorClock());
  if (step <= app.lastStep) {
    offsetMs += (app.lastStep + 1 - step) * TOTP_PERIOD_SECONDS * 1000;
    step = app.lastStep + 1;
  }
  app.lastStep = step;
  return { code: totpCodeAt(app.secret, step), step };
}
