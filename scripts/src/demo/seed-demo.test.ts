import { createApp } from '@gov/api';
import { createDb, schema } from '@gov/db';
import { createLogger } from '@gov/runtime';
import { Connection } from '@temporalio/client';
import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
import { seedDemo } from './seed-demo.js';

const { db, sql } = createDb(inject('databaseUrl'), { max: 2 });
afterAll(() => sql.end({ timeout: 1 }));

describe('demo accounts for npm start', () => {
  it('are created once, and each printed login signs in with the printed password', async () => {
    await seedDemo(db, sql);
    await seedDemo(db, sql);
    const logins = DEMO_ACCOUNTS.map((a) => a.login);
    const users = await db.select().from(schema.users).where(inArray(schema.users.login, logins));
    expect(users.map((u) => u.login).sort()).toEqual([...logins].sort());
    const app = createApp({ db, sql, temporal: Connection.lazy({ address: inject('temporalAddress') }), logger: createLogger('silent', 'test') });
    for (const login of logins) {
      const response = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }) });
      expect({ login, status: response.status }).toEqual({ login, status: 200 });
    }
  });
});
