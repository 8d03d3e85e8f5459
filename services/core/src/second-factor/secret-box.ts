import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The AES-256 key that seals authenticator secrets at rest (SECOND_FACTOR_KEY, 32 bytes). */
export type SecondFactorKey = Uint8Array;

const FORMAT = 'v1';

/**
 * Reads SECOND_FACTOR_KEY: 32 bytes written as 64 hex digits or as base64 (44 characters).
 * Null when it is neither, so each env.ts can say what is wrong in its own words.
 */
export function parseSecondFactorKey(text: string): SecondFactorKey | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed, 'base64');
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

/**
 * Seals an authenticator secret with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url). The
 * user id is the associated data, so a sealed secret copied onto another account does not open.
 */
export function sealSecret(key: SecondFactorKey, userId: string, secret: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [FORMAT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Opens what sealSecret wrote; throws (a defect or a wrong key, never client input) otherwise. */
export function openSecret(key: SecondFactorKey, userId: string, sealed: string): Uint8Array {
  const [format, iv, tag, body, extra] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || !body || extra !== undefined) throw new Error('second factor secret is not a v1 envelope');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]));
}
