import { invalid } from '@gov/domain';
import { createLogger } from '@gov/runtime';
import { freePort } from '@gov/testing';
import { ServiceError } from '@temporalio/client';
import { Hono } from 'hono';
import postgres from 'postgres';
import { requestId } from 'hono/request-id';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { errorHandler } from './error-handler.js';
import { readProblem } from './testing/problem.js';
import { validate } from './validate.js';

function appWith(route: (app: Hono<AppEnv>) => void) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.onError(errorHandler(createLogger('silent', 'test')));
  route(app);
  return app;
}

describe('the single error handler', () => {
  it('answers a domain error as an RFC 9457 problem in Vietnamese, with its type, code and request id', async () => {
    const app = appWith((a) =>
      a.get('/x', () => {
        throw invalid({ vi: 'Sai định dạng', en: 'Bad format' }, { report: [1] });
      }),
    );
    const response = await app.request('/x');
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(response.headers.get('Content-Language')).toBe('vi');
    expect(await readProblem(response)).toEqual({
      type: 'urn:gov-one-stop:problem:invalid',
      title: 'Dữ liệu không hợp lệ',
      status: 400,
      detail: 'Sai định dạng',
      instance: '/x',
      code: 'invalid',
      requestId: response.headers.get('X-Request-Id'),
      report: [1],
      translations: { vi: { title: 'Dữ liệu không hợp lệ', detail: 'Sai định dạng' }, en: { title: 'Invalid request', detail: 'Bad format' } },
    });
  });

  it.each([
    ['en-GB,en;q=0.9', 'en', 'Bad format'],
    ['en;q=0.5, vi', 'vi', 'Sai định dạng'],
    ['fr, en;q=0.8', 'en', 'Bad format'],
    ['fr', 'vi', 'Sai định dạng'],
  ])('speaks the language of Accept-Language %s', async (header, language, detail) => {
    const app = appWith((a) =>
      a.get('/x', () => {
        throw invalid({ vi: 'Sai định dạng', en: 'Bad format' });
      }),
    );
    const response = await app.request('/x', { headers: { 'Accept-Language': header } });
    expect(response.headers.get('Content-Language')).toBe(language);
    expect(await readProblem(response)).toMatchObject({ detail, title: language === 'en' ? 'Invalid request' : 'Dữ liệu không hợp lệ' });
  });

  it('hides internals of unexpected errors behind an opaque 500 with the request id', async () => {
    const app = appWith((a) =>
      a.get('/x', () => {
        throw new Error('select * from secrets where password = $1');
      }),
    );
    const response = await app.request('/x');
    expect(response.status).toBe(500);
    const problem = await readProblem(response.clone());
    const text = await response.text();
    expect(text).not.toContain('select');
    expect(text).not.toContain('password');
    expect(problem).toMatchObject({ code: 'internal', type: 'urn:gov-one-stop:problem:internal', requestId: response.headers.get('X-Request-Id') });
  });

  /** What postgres.js throws when nothing listens where the database should be. */
  async function refusedByPostgres(): Promise<unknown> {
    const sql = postgres({ host: '127.0.0.1', port: await freePort(), username: 'gov_app', database: 'gov', max: 1, onnotice: () => {} });
    try {
      return await sql`select 1`.then(
        () => new Error('a server answered'),
        (error: unknown) => error,
      );
    } finally {
      await sql.end({ timeout: 1 });
    }
  }

  it.each([
    ['PostgreSQL refusing connections, wrapped as drizzle wraps it', async () => new Error('Failed query: select 1', { cause: await refusedByPostgres() })],
    [
      'PostgreSQL shutting down (SQLSTATE 57P01)',
      () => Promise.resolve(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })),
    ],
    [
      'the Temporal server out of reach (gRPC UNAVAILABLE)',
      () =>
        Promise.resolve(new ServiceError('Failed to start Workflow', { cause: Object.assign(new Error('14 UNAVAILABLE: connection refused'), { code: 14 }) })),
    ],
    [
      'a Temporal call given up at its deadline and reported cancelled (gRPC CANCELLED)',
      () => Promise.resolve(new ServiceError('Failed to query Workflow', { cause: Object.assign(new Error('1 CANCELLED: Call cancelled'), { code: 1 }) })),
    ],
  ])('answers 503 with Retry-After, not 500, for %s', async (_, make) => {
    const error = await make();
    const app = appWith((a) =>
      a.get('/x', () => {
        throw error;
      }),
    );
    const response = await app.request('/x');
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('2');
    expect(await readProblem(response)).toMatchObject({ code: 'unavailable', type: 'urn:gov-one-stop:problem:unavailable', status: 503 });
  });

  it('still answers 500 for an SQL error that is not about the connection', async () => {
    const app = appWith((a) =>
      a.get('/x', () => {
        throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
      }),
    );
    expect((await app.request('/x')).status).toBe(500);
  });

  it('answers 400, not 500, for a body that is not JSON', async () => {
    const app = appWith((a) => a.post('/x', validate('json', v.object({ name: v.string() })), (c) => c.json(c.req.valid('json'))));
    const response = await app.request('/x', {
      method: 'POST',
      body: '{not json',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect((await readProblem(response)).code).toBe('invalid');
  });

  it('lists each invalid field in a validation failure, with a JSON Pointer', async () => {
    const app = appWith((a) =>
      a.post('/x', validate('json', v.object({ name: v.pipe(v.string(), v.minLength(2)), address: v.object({ ward: v.string() }) })), (c) =>
        c.json(c.req.valid('json')),
      ),
    );
    const response = await app.request('/x', {
      method: 'POST',
      body: JSON.stringify({ name: 'a', address: {} }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.errors).toMatchObject([
      { field: 'name', pointer: '#/name' },
      { field: 'address.ward', pointer: '#/address/ward' },
    ]);
    expect(problem.detail).toContain('name');
  });
});
