import { randomBytes } from 'node:crypto';
import { encodeBase32NoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';

/** What every authenticator app defaults to (RFC 6238): 30-second steps, 6 digits, HMAC-SHA1. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** The name the authenticator app shows above the code. */
export const TOTP_ISSUER = 'Một cửa điện tử';

/** 160 random bits, the key length RFC 4226 recommends. */
export function newTotpSecret(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

export const stepAt = (now: Date) => Math.floor(now.getTime() / (TOTP_PERIOD_SECONDS * 1000));

/**
 * The time step whose code this is, looking one step either side of now for clock drift and a
 * code typed as it rolled over (RFC 6238 §5.2); null when none matches. The caller refuses a step
 * at or before the last one used, so each code works once.
 */
export function matchingStep(secret: Uint8Array, code: string, now: Date): number | null {
  const current = stepAt(now);
  for (const step of [current - 1, current, current + 1]) {
    if (verifyHOTP(secret, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}

/** The `otpauth://` URI the QR code carries, and the same secret as text for typing in. */
export function enrolmentKey(secret: Uint8Array, accountName: string) {
  return {
    otpauthUri: createTOTPKeyURI(TOTP_ISSUER, accountName, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS),
    secret: encodeBase32NoPadding(secret),
  };
}
