import { describe, expect, it } from 'vitest';
import { DatabaseEnv, databaseUrls } from './database.js';
import { ConfigError, parseEnv } from './parse-env.js';

describe('parseEnv', () => {
  it('applies documented defaults for local development', () => {
    const env = parseEnv(DatabaseEnv, {});
    expect(databaseUrls(env)).toEqual({
      app: 'postgres://gov_app@127.0.0.1:5432/gov',
      owner: 'postgres://gov_owner@127.0.0.1:5432/gov',
      admin: 'postgres://postgres@127.0.0.1:5432/postgres',
      databaseName: 'gov',
    });
  });

  it('names the variable, the problem and the value in one line', () => {
    expect(() => parseEnv(DatabaseEnv, { DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => parseEnv(DatabaseEnv, { DATABASE_URL: 'mysql://x' })).toThrow(
      'DATABASE_URL: must be a URL like postgres://gov_app@127.0.0.1:5432/gov (got "mysql://x")',
    );
  });
});
