import { randomId, sha256Hex } from '../auth/tokens.js';

export const RECOVERY_CODE_COUNT = 10;

/** 16 characters of lower-case base32 (80 random bits), shown as four groups: `abcd-efgh-ijkl-mnop`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => randomId(16).match(/.{4}/g)!.join('-'));
}

/** Spaces, dashes and case do not matter when a code is typed back. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/** What is stored: the SHA-256 of the normalised code (80 random bits need no slow hash). */
export const recoveryCodeDigest = (code: string) => sha256Hex(`recovery:${normaliseRecoveryCode(code)}`);

export const looksLikeRecoveryCode = (code: string) => /^[a-z2-7]{16}$/.test(normaliseRecoveryCode(code));
