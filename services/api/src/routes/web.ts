import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * Serves the built single-page app from the API's own origin (so session cookies and CSRF stay
 * same-site). Hashed assets are cached for a year; every other path gets index.html so the
 * client-side router can handle deep links.
 */
export function webRoutes(distDir: string) {
  const indexFile = join(distDir, 'index.html');
  const web = new Hono<AppEnv>();
  if (!existsSync(indexFile)) return web;
  const indexHtml = readFileSync(indexFile, 'utf8');
  web.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  web.use('*', serveStatic({ root: distDir }));
  web.get('*', (c) => c.html(indexHtml));
  return web;
}
