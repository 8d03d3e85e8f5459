import { describe, expect, it } from 'vitest';
import { readApiEnv } from './env.js';

const BASE = { DATABASE_URL: 'postgres://gov_app@127.0.0.1:5432/gov' };

describe('SECOND_FACTOR_KEY', () => {
  it('has no default: the API does not start without it', () => {
    expect(() => readApiEnv(BASE)).toThrow(/^SECOND_FACTOR_KEY: is required/);
  });

  it('takes 32 bytes as 64 hex digits or base64, and refuses a passphrase', () => {
    expect(readApiEnv({ ...BASE, SECOND_FACTOR_KEY: 'ab'.repeat(32) }).SECOND_FACTOR_KEY).toHaveLength(32);
    expect(readApiEnv({ ...BASE, SECOND_FACTOR_KEY: Buffer.alloc(32, 1).toString('base64') }).SECOND_FACTOR_KEY).toHaveLength(32);
    expect(() => readApiEnv({ ...BASE, SECOND_FACTOR_KEY: 'local-development-second-factor' })).toThrow(/^SECOND_FACTOR_KEY: must be 32 bytes/);
  });
});

describe('PDF_SIGNING_LOCAL_CA', () => {
  const withKey = { ...BASE, SECOND_FACTOR_KEY: 'ab'.repeat(32) };

  it('is off unless asked for: the API never signs with the local test CA by default', () => {
    expect(readApiEnv(withKey).PDF_SIGNING_LOCAL_CA).toBe(false);
    expect(readApiEnv({ ...withKey, PDF_SIGNING_LOCAL_CA: 'true' }).PDF_SIGNING_LOCAL_CA).toBe(true);
    expect(() => readApiEnv({ ...withKey, PDF_SIGNING_LOCAL_CA: 'yes' })).toThrow(/^PDF_SIGNING_LOCAL_CA: must be true or false/);
  });
});
