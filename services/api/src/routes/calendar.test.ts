import { randomUUID } from 'node:crypto';
import { createDb } from '@gov/db';
import { createTenant } from '@gov/db/testing';
import { createAppAbility } from '@gov/domain';
import { createLogger } from '@gov/runtime';
import { Hono } from 'hono';
import { afterAll, describe, expect, it, inject } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { errorHandler } from '../error-handler.js';
import { calendarRoutes } from './calendar.js';

const { db, sql } = createDb(inject('databaseUrl'), { max: 2 });
afterAll(() => sql.end({ timeout: 1 }));

/** The routes as app.ts mounts them, with a province admin's ability in the request context. */
function appFor(tenantId: string) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(createLogger('silent', 'api-test')));
  app.use(async (c, next) => {
    c.set('ctx', {
      requestId: randomUUID(),
      db,
      sql,
      actor: { userId: randomUUID(), kind: 'officer', displayName: 'Quản trị tỉnh' },
      ability: createAppAbility([{ action: 'manage', subject: 'Calendar', conditions: { tenantId } }]),
      grants: [],
    });
    await next();
  });
  return app.route('/api/tenants', calendarRoutes());
}

describe('POST /api/tenants/:tenantId/calendar/due-date', () => {
  it('promises Friday 27 Feb 17:00 for 5 working days from the Friday evening before Tết 2026', async () => {
    const tenantId = await createTenant(inject('ownerDatabaseUrl'));
    const res = await appFor(tenantId).request(`/api/tenants/${tenantId}/calendar/due-date`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receivedAt: '2026-02-13T18:30:00+07:00', amount: 5, unit: 'working_days' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dueAt: '2026-02-27T10:00:00.000Z', dueAtLocal: '2026-02-27T17:00:00+07:00' });
  });

  it('refuses another province', async () => {
    const [mine, other] = await Promise.all([createTenant(inject('ownerDatabaseUrl')), createTenant(inject('ownerDatabaseUrl'))]);
    const res = await appFor(mine).request(`/api/tenants/${other}/calendar/due-date`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receivedAt: '2026-02-13T18:30:00+07:00', amount: 5, unit: 'working_days' }),
    });
    expect(res.status).toBe(403);
  });
});
