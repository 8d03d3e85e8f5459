import { ConfigError } from '@gov/runtime';
import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from '../env.js';

describe('the national portal configuration', () => {
  it('reads one API key per province code, and the shared key for the rest', () => {
    const env = readWorkerEnv({ NATIONAL_PORTAL_API_KEYS: '01=key-ha-noi, 79=key=with=equals', NATIONAL_PORTAL_API_KEY: 'shared' });
    expect(env.NATIONAL_PORTAL_API_KEYS).toEqual({ '01': 'key-ha-noi', '79': 'key=with=equals' });
    expect(env.NATIONAL_PORTAL_API_KEY).toBe('shared');
    expect(readWorkerEnv({}).NATIONAL_PORTAL_API_KEYS).toEqual({});
  });

  it('refuses a malformed key list without printing the keys', () => {
    const read = () => readWorkerEnv({ NATIONAL_PORTAL_API_KEYS: '01=secret-key-one,oops secret-key-two' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/^NATIONAL_PORTAL_API_KEYS: must be code=key pairs/);
    expect(read).not.toThrow(/secret-key/);
  });
});
