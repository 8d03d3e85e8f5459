import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createTestDeps } from './test-deps.js';

// The published contract: every operation says what it answers, how it refuses and what it
// needs, and the document passes a standard OpenAPI linter (Redocly's recommended rules).
const { deps, close } = createTestDeps();
const app = createApp(deps);
afterAll(close);

type Response = { description?: string; content?: Record<string, { schema?: unknown }> };
type Operation = { responses?: Record<string, Response>; security?: Record<string, string[]>[] };
let source: string;
let doc: { paths: Record<string, Record<string, Operation>>; components: { securitySchemes?: Record<string, { in: string; name: string }> } };
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, method, operation })),
  );

beforeAll(async () => {
  source = await (await app.request('/api/openapi.json')).text();
  doc = JSON.parse(source) as typeof doc;
});

describe('the OpenAPI document', () => {
  it('declares the body of every answer: a success with its schema, and each refusal as problem+json', () => {
    const missing: string[] = [];
    for (const { name, operation } of operations()) {
      const responses = Object.entries(operation.responses ?? {});
      const success = responses.filter(([code]) => /^[23]/.test(code));
      const described = success.some(([code, r]) => code === '204' || code.startsWith('3') || Object.values(r.content ?? {}).some((m) => m.schema));
      if (!described) missing.push(`${name}: no success answer with a schema`);
      for (const [code, r] of responses) {
        // A health check's 503 is a report on the dependencies, not a refusal.
        const expected = name.endsWith('z') && code === '503' ? 'application/json' : 'application/problem+json';
        if ((code === 'default' || Number(code) >= 400) && !r.content?.[expected]?.schema) missing.push(`${name} ${code}: no ${expected} body`);
      }
    }
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThan(60);
  });

  it('describes the session cookie and the CSRF header, and asks for both on every write that needs a session', () => {
    expect(doc.components.securitySchemes).toMatchObject({ session: { in: 'cookie', name: 'gov_session' }, csrf: { in: 'header', name: 'X-CSRF-Token' } });
    const writes = operations().filter(({ method }) => ['post', 'put', 'patch', 'delete'].includes(method));
    const unguarded = writes.filter(({ operation }) => operation.security?.length !== 0 && !operation.security?.some((s) => 'csrf' in s && 'session' in s));
    expect(unguarded.map((w) => w.name)).toEqual([]);
    // Sign-in itself needs neither; a dossier submission needs both.
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/tenants/{tenantId}/dossiers']?.post?.security).toEqual([{ session: [], csrf: [] }]);
  });

  it('passes the Redocly linter with its recommended rules, without errors', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(errors).toEqual([]);
  });
});
