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
