import { createApp } from '@gov/api';
import { TEST_SECOND_FACTOR_KEY } from '@gov/api/testing';
import { createDb, schema, withTenant } from '@gov/db';
import { createLogger } from '@gov/runtime';
import { Connection } from '@temporalio/client';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROCEDURES, DEMO_PROVINCE_CODE } from './accounts.js';
import { seedDemo } from './seed-demo.js';

const { db, sql } = createDb(inject('databaseUrl'), { max: 2 });
const SEED_KEYS = { citizenIdSecret: 'seed-test-citizen-id-secret' };
afterAll(() => sql.end({ timeout: 1 }));

describe('demo accounts for npm start', () => {
  it('are created once, and each printed login signs in with the printed password', async () => {
    await seedDemo(db, sql, SEED_KEYS);
    await seedDemo(db, sql, SEED_KEYS);
    const logins = DEMO_ACCOUNTS.map((a) => a.login);
    const users = await db.select().from(schema.users).where(inArray(schema.users.login, logins));
    expect(users.map((u) => u.login).sort()).toEqual([...logins].sort());
    const app = createApp({
      db,
      sql,
      temporal: Connection.lazy({ address: inject('temporalAddress') }),
      logger: createLogger('silent', 'test'),
      accountKeys: { codeSecret: 'seed-test-account-code-secret', citizenIdSecret: 'seed-test-citizen-id-secret' },
      secondFactorKey: TEST_SECOND_FACTOR_KEY,
    });
    for (const login of logins) {
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login, password: DEMO_PASSWORD }),
      });
      expect({ login, status: response.status }).toEqual({ login, status: 200 });
    }
  });

  it('publishes the demo procedures from the ministry defaults, one of them handed over to the department and back', async () => {
    await seedDemo(db, sql, SEED_KEYS);
    const [tenant] = await db.select().from(schema.tenants).where(eq(schema.tenants.code, DEMO_PROVINCE_CODE));
    const { published, department } = await withTenant(sql, tenant!.id, async (tx) => {
      const d = schema.processDefinitions;
      const rows = await tx
        .select({ code: d.procedureCode, steps: d.steps })
        .from(d)
        .where(and(eq(d.tenantId, tenant!.id), eq(d.status, 'published')));
      const [unit] = await tx
        .select()
        .from(schema.orgUnits)
        .where(and(eq(schema.orgUnits.tenantId, tenant!.id), eq(schema.orgUnits.code, 'HN-SNV')));
      return { published: rows, department: unit! };
    });
    expect(published.map((p) => p.code).sort()).toEqual(DEMO_PROCEDURES.map((p) => p.code).sort());
    const handedOver = published.find((p) => p.code === '1.003057')!.steps.filter((s) => s.kind === 'hand_over');
    expect(handedOver.map((s) => s.handOver?.direction)).toEqual(['up', 'down']);
    expect(handedOver[0]!.handOver?.targetUnitId).toBe(department.id);
  });
});
