import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { openApiDocument } from '../openapi-document.js';

// Swagger UI is served from the npm package, not a CDN: officers' networks and our CI have no
// general internet access.
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
} as const;

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API — Hệ thống một cửa điện tử</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** The OpenAPI 3.1 document generated from the route schemas, and an interactive page over it. */
export function docsRoutes(app: Hono<AppEnv>) {
  const docs = new Hono<AppEnv>()
    .get('/openapi.json', async (c) => c.json(await openApiDocument(app, c)))
    .get('/docs', (c) => c.html(PAGE))
    .get('/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript' }));
  for (const [file, type] of Object.entries(assets)) {
    const body = readFileSync(join(swaggerDir, file));
    docs.get(`/docs/${file}`, (c) => c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' }));
  }
  return docs;
}
