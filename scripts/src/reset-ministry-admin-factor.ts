import { resetMinistryAdminFactor } from '@gov/core';
import { createDb } from '@gov/db';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { userInfo } from 'node:os';
import { readScriptsEnv } from './env.js';

/**
 * `npm run admin:reset-second-factor -- --login <login>`: the operator drops a ministry admin's
 * authenticator and recovery codes and ends their sessions (a lost phone). No admin can do it to a
 * peer through the platform; the platform's log records this reset with the operator's name.
 */
async function main() {
  const env = readScriptsEnv();
  const index = process.argv.indexOf('--login');
  const login = index > 0 ? process.argv[index + 1] : undefined;
  if (!login) throw new ConfigError('name the account: npm run admin:reset-second-factor -- --login <login>');
  const { sql, db } = createDb(databaseUrls(env).app, { max: 1 });
  try {
    await resetMinistryAdminFactor(db, { login, operator: userInfo().username });
    console.log(`${login}: second factor reset; the next sign-in enrols a new authenticator`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  console.error(`admin:reset-second-factor: ${message}`);
  process.exit(1);
});
