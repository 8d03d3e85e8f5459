import { randomUUID } from 'node:crypto';
import { encodeBase32NoPadding } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { looksLikeRecoveryCode, newRecoveryCodes, recoveryCodeDigest } from './recovery-codes.js';
import { openSecret, parseSecondFactorKey, sealSecret } from './secret-box.js';
import { enrolmentKey, matchingStep, newTotpSecret } from './totp.js';

const KEY = parseSecondFactorKey('11'.repeat(32))!;

describe('the sealed authenticator secret', () => {
  it('opens for the account it was sealed for only, and never shows the secret', () => {
    const secret = newTotpSecret();
    const userId = randomUUID();
    const sealed = sealSecret(KEY, userId, secret);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed.toUpperCase()).not.toContain(encodeBase32NoPadding(secret));
    expect(openSecret(KEY, userId, sealed)).toEqual(secret);
    expect(() => openSecret(KEY, randomUUID(), sealed)).toThrow();
    expect(() => openSecret(parseSecondFactorKey('22'.repeat(32))!, userId, sealed)).toThrow();
  });

  it('takes SECOND_FACTOR_KEY as 32 bytes in hex or base64, and nothing shorter', () => {
    expect(parseSecondFactorKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseSecondFactorKey(Buffer.alloc(32, 7).toString('base64'))).toHaveLength(32);
    expect(parseSecondFactorKey('ab'.repeat(16))).toBeNull();
    expect(parseSecondFactorKey('local-development-secret')).toBeNull();
  });
});

describe('TOTP codes', () => {
  // RFC 6238 appendix B: the SHA-1 key "12345678901234567890", 8 digits there; the last 6 here.
  const rfcKey = new TextEncoder().encode('12345678901234567890');

  it('match the RFC 6238 test vectors, one step either side of now and no further', () => {
    expect(matchingStep(rfcKey, '287082', new Date(59_000))).toBe(1);
    expect(matchingStep(rfcKey, '081804', new Date(1111111109_000))).toBe(37037036);
    expect(matchingStep(rfcKey, '081804', new Date(1111111109_000 + 30_000))).toBe(37037036);
    expect(matchingStep(rfcKey, '081804', new Date(1111111109_000 + 60_000))).toBeNull();
  });

  it('are enrolled through an otpauth URI that carries the issuer and the secret', () => {
    const secret = newTotpSecret();
    const { otpauthUri, secret: text } = enrolmentKey(secret, 'quan-tri-tinh');
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(text);
    expect(uri.searchParams.get('issuer')).toBe('Một cửa điện tử');
    expect(uri.searchParams.get('digits')).toBe('6');
  });
});

describe('recovery codes', () => {
  it('are ten, distinct, and read back whatever the case, spaces or dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const code = codes[0]!;
    expect(looksLikeRecoveryCode(code.toUpperCase().replaceAll('-', ' '))).toBe(true);
    expect(recoveryCodeDigest(code.toUpperCase().replaceAll('-', ''))).toBe(recoveryCodeDigest(code));
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
