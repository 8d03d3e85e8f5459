import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createLogger } from '@gov/runtime';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { errorHandler } from '../error-handler.js';
import { limitBody } from './read-body.js';

// A refused large body over a real socket: the client keeps sending while the server decides,
// and must still read the 413 rather than see its connection reset. 96 MB is more than the Node
// adapter drains by itself after an early answer.
const LIMIT = 256 * 1024;
let server: ServerType;
let port: number;

beforeAll(async () => {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.onError(errorHandler(createLogger('silent', 'test')));
  app.post('/upload', limitBody(LIMIT, { vi: 'Tệp quá lớn.', en: 'Too large.' }), async (c) => c.json({ size: (await c.req.arrayBuffer()).byteLength }));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Sends `total` bytes in 64 KB writes (with or without a declared length), as a client that
 * finishes sending before it reads: it succeeds only if the whole body went out and the answer
 * came back, and fails on a reset or broken pipe on the way.
 */
function upload(total: number, declareLength: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (declareLength) headers['Content-Length'] = String(total);
    let answer: { status: number; body: string } | null = null;
    let finished = false;
    const settle = () => answer && finished && resolve(answer);
    const req = request({ host: '127.0.0.1', port, path: '/upload', method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, body };
        settle();
      });
      res.on('error', reject);
    });
    req.on('finish', () => {
      finished = true;
      settle();
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const write = () => {
      while (sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

describe('a body over the limit', () => {
  it.each([
    ['with a declared length', true],
    ['sent chunked', false],
  ])('is answered 413 after the client has sent it, %s', async (_, declared) => {
    const answer = await upload(96 * 1024 * 1024, declared);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'too_large', status: 413 });
  });

  it('under the limit is read whole', async () => {
    const answer = await upload(128 * 1024, false);
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ size: 128 * 1024 }) });
  });
});
