import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createTestDeps } from './test-deps.js';
import { readProblem } from './testing/problem.js';

const { deps, close } = createTestDeps();
const app = createApp(deps);
afterAll(close);

describe('GET /api/provinces', () => {
  it('lists the 34 seeded provinces in official code order', async () => {
    const response = await app.request('/api/provinces');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { code: string; fullName: string; kind: string }[] };
    // Other suites add test provinces to this database: check the official 34 are all there.
    const csv = readFileSync(new URL('../../db/data/admin-units/provinces.csv', import.meta.url), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    const official = csv.map((line) => line.split(',')).map(([code, , fullName, kind]) => ({ code, fullName, kind }));
    expect(official).toHaveLength(34);
    const listed = new Set(body.items.map((p) => `${p.code}|${p.fullName}|${p.kind}`));
    expect(official.filter((p) => !listed.has(`${p.code}|${p.fullName}|${p.kind}`))).toEqual([]);
    expect(body.items[0]).toMatchObject({ code: '01', fullName: 'Thành phố Hà Nội', kind: 'municipality' });
    const codes = body.items.map((p) => p.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('tags every response with a request id', async () => {
    const response = await app.request('/api/provinces');
    expect(response.headers.get('X-Request-Id')).toMatch(/.{8,}/);
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, { get?: { responses?: Record<string, { content?: unknown }> } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/provinces', '/healthz']));
    const schema = JSON.stringify(doc.paths['/api/provinces']?.get?.responses?.['200']?.content);
    expect(schema).toContain('fullName');
  });

  it('serves the interactive docs page and its assets without a CDN', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('Content-Type')).toContain('javascript');
  });
});

describe('unknown paths', () => {
  it('answer 404 with a bilingual problem', async () => {
    const response = await app.request('/api/no-such-thing');
    expect(response.status).toBe(404);
    const problem = await readProblem(response);
    expect(problem.code).toBe('not_found');
    expect(problem.detail).toContain('Không tìm thấy');
  });
});

describe('the public portal', () => {
  it('lets anonymous visitors search the procedure catalog without accents', async () => {
    const response = await app.request('/api/catalog/procedures?q=cap%20ban%20sao');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { code: string; name: string }[] };
    expect(body.items.map((p) => p.name)).toContain('Cấp bản sao văn bằng, chứng chỉ từ sổ gốc');
  });

  it('pages the catalog like every list: page and pageSize in, items with the total out', async () => {
    type Page = { items: { code: string }[]; total: number; page: number; pageSize: number };
    const first = (await (await app.request('/api/catalog/procedures?page=1&pageSize=3')).json()) as Page;
    const second = (await (await app.request('/api/catalog/procedures?page=2&pageSize=3')).json()) as Page;
    expect(first).toMatchObject({ page: 1, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.total).toBeGreaterThan(6);
    expect(second.total).toBe(first.total);
    expect(second.items.map((p) => p.code)).not.toContain(first.items[0]!.code);
    const past = (await (await app.request(`/api/catalog/procedures?page=${first.total}&pageSize=100`)).json()) as Page;
    expect(past).toMatchObject({ items: [], total: first.total });
    const tooBig = await readProblem(await app.request('/api/catalog/procedures?pageSize=101'));
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.errors)).toContain('pageSize');
  });
});

describe('security headers', () => {
  it('forbid framing and sniffing, limit referrers and sources, and leave HSTS to https', async () => {
    const response = await app.request('/api/provinces');
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('Strict-Transport-Security')).toBeNull();
    // Errors carry them too.
    expect((await app.request('/api/no-such-thing')).headers.get('Content-Security-Policy')).toBe(csp);
  });

  it('send HSTS when the platform is served over https', async () => {
    const https = createApp({ ...deps, cookieSecure: true });
    expect((await https.request('/api/provinces')).headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
  });
});
