import { createLogger } from '@gov/runtime';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { ministryReads } from './ministry-reads.js';

// What happens when the record itself cannot be written (the database refused it): the routes
// stand for a province read and a committed ministry write.
function appWithFailingRecord() {
  const lines: string[] = [];
  const logger = createLogger('info', 'api', { write: (line: string) => lines.push(line) });
  const app = new Hono<AppEnv>()
    .use(
      '/api/tenants/:tenantId/*',
      ministryReads(logger, () => Promise.reject(new Error('record refused'))),
    )
    .get('/api/tenants/:tenantId/users', (c) => c.json({ items: ['someone'] }))
    .post('/api/tenants/:tenantId/org-units', (c) => c.json({ id: 'new-unit' }, 201));
  return { app, lines };
}

describe('ministry reads when the record fails', () => {
  it('fails a read closed: nothing is shown that was not recorded', async () => {
    const { app } = appWithFailingRecord();
    const response = await app.request('/api/tenants/t1/users');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('someone');
  });

  it('keeps the answer of a committed write and logs the failure', async () => {
    const { app, lines } = appWithFailingRecord();
    const response = await app.request('/api/tenants/t1/org-units', { method: 'POST' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 'new-unit' });
    expect(lines.join('')).toContain('ministry read record failed after a write');
    expect(lines.join('')).toContain('POST /api/tenants/:tenantId/org-units');
  });
});
