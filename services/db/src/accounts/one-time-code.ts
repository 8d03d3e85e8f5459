import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a one-time code works, and how many wrong tries kill it. */
export const CODE_LIFETIME_MS = 15 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
/**
 * An invitation (a new officer or an appointed province admin sets their first password) works
 * for 72 hours: the person may not read their mail the same day, and the five-try limit keeps a
 * six-digit code safe for that long. The admin sends a new one with "reset password".
 */
export const INVITATION_LIFETIME_HOURS = 72;

/**
 * The code of a one-time-code row: six digits from an HMAC of the row's random id, keyed with a
 * secret the API and the worker share. The API writes only `codeDigest` to the database and the
 * worker derives the code again to send it, so the code is never stored or queued in clear; to
 * anyone without the key it is as random as the 122-bit id it comes from.
 */
export function deriveOneTimeCode(secret: string, codeId: string): string {
  const mac = createHmac('sha256', secret).update(`code:${codeId}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** What is stored: an HMAC of the code bound to its row, compared in constant time. */
export function oneTimeCodeDigest(secret: string, codeId: string, code: string): string {
  return createHmac('sha256', secret).update(`digest:${codeId}:${code}`).digest('hex');
}

export function sameCodeDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
