import { invalid } from '@gov/domain';
import { createLogger } from '@gov/runtime';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { errorHandler } from './error-handler.js';
import { validate } from './validate.js';

type ErrorBody = { error: { code: string; message: { vi: string; en: string }; requestId: string; details?: unknown } };

function appWith(route: (app: Hono<AppEnv>) => void) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.onError(errorHandler(createLogger('silent', 'test')));
  route(app);
  return app;
}

describe('the single error handler', () => {
  it('maps a domain error to its status and bilingual message', async () => {
    const app = appWith((a) =>
      a.get('/x', () => {
        throw invalid({ vi: 'Sai định dạng', en: 'Bad format' });
      }),
    );
    const response = await app.request('/x');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'invalid', message: { vi: 'Sai định dạng', en: 'Bad format' } });
  });

  it('hides internals of unexpected errors behind an opaque 500 with the request id', async () => {
    const app = appWith((a) =>
      a.get('/x', () => {
        throw new Error('select * from secrets where password = $1');
      }),
    );
    const response = await app.request('/x');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('select');
    expect(text).not.toContain('password');
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.requestId).toBe(response.headers.get('X-Request-Id'));
  });

  it('answers 400, not 500, for a body that is not JSON', async () => {
    const app = appWith((a) =>
      a.post('/x', validate('json', v.object({ name: v.string() })), (c) => c.json(c.req.valid('json'))),
    );
    const response = await app.request('/x', {
      method: 'POST',
      body: '{not json',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
  });

  it('lists each invalid field in a validation failure', async () => {
    const app = appWith((a) =>
      a.post('/x', validate('json', v.object({ name: v.pipe(v.string(), v.minLength(2)) })), (c) =>
        c.json(c.req.valid('json')),
      ),
    );
    const response = await app.request('/x', {
      method: 'POST',
      body: JSON.stringify({ name: 'a' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.details).toMatchObject({ fields: [{ path: 'name' }] });
    expect(body.error.message.vi).toContain('name');
  });
});
