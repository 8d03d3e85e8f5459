import { deriveOneTimeCode, schema, type Db } from '@gov/db';
import { desc, eq } from 'drizzle-orm';
import type { createApp } from '../app.js';
import { TEST_ACCOUNT_KEYS } from '../test-deps.js';
import { connEnv } from './world.js';

type App = ReturnType<typeof createApp>;

/**
 * Test-only: the code in the newest message queued for this user, derived as the worker derives
 * it to send it (tests that are not about delivery skip the mail and SMS stand-ins this way).
 */
export async function newestCodeOf(db: Db, login: string): Promise<string> {
  const { users: u, oneTimeCodes: c } = schema;
  const [row] = await db.select({ id: c.id }).from(c).innerJoin(u, eq(u.id, c.userId)).where(eq(u.login, login)).orderBy(desc(c.createdAt)).limit(1);
  if (!row) throw new Error(`no code was issued for ${login}`);
  return deriveOneTimeCode(TEST_ACCOUNT_KEYS.codeSecret, row.id);
}

/** Test-only: an invited (or reset) officer sets their password with the code they were sent. */
export async function acceptInvitation(app: App, db: Db, login: string, password: string): Promise<void> {
  const code = await newestCodeOf(db, login);
  const response = await app.request(
    '/api/auth/password/reset',
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, code, newPassword: password }) },
    connEnv('203.0.113.30'),
  );
  if (response.status !== 200) throw new Error(`setting the password of ${login} failed: ${response.status} ${await response.text()}`);
}
