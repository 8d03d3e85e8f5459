import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Lower-case base32 without padding: URL- and cookie-safe, case-insensitive to read. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function randomId(bytes: number): string {
  let out = '';
  for (const byte of randomBytes(bytes)) out += ALPHABET[byte & 31];
  return out;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A session token after lucia's design: `<id>.<secret>`, 120 bits of entropy each. The id is
 * the lookup key; only the secret's SHA-256 is stored.
 */
export function newSessionToken(): { id: string; secret: string; token: string } {
  const id = randomId(24);
  const secret = randomId(24);
  return { id, secret, token: `${id}.${secret}` };
}

/** The CSRF token of a session, derived from its secret so it needs no storage. */
export function csrfTokenFor(secret: string): string {
  return sha256Hex(`csrf:${secret}`);
}
