import { pingDatabase } from '@gov/db';
import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { pingTemporal } from '../temporal.js';

const Check = v.object({ ok: v.boolean(), ms: v.number() });
export const Health = v.object({
  status: v.picklist(['ok', 'unavailable']),
  checks: v.object({ database: Check, temporal: Check }),
});
export type Health = v.InferOutput<typeof Health>;

async function timed(check: () => Promise<boolean>) {
  const started = performance.now();
  const ok = await check();
  return { ok, ms: Math.round(performance.now() - started) };
}

/** Liveness and readiness in one: 503 as soon as PostgreSQL or Temporal stops answering. */
export function healthRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().get(
    '/healthz',
    describeRoute({
      tags: ['platform'],
      summary: 'Database and Temporal reachability',
      responses: {
        200: { description: 'All dependencies answer', content: { 'application/json': { schema: resolver(Health) } } },
        503: { description: 'A dependency is down', content: { 'application/json': { schema: resolver(Health) } } },
      },
    }),
    async (c) => {
      const [database, temporal] = await Promise.all([
        timed(() => pingDatabase(deps.sql)),
        timed(() => pingTemporal(deps.temporal)),
      ]);
      const ok = database.ok && temporal.ok;
      const body: Health = { status: ok ? 'ok' : 'unavailable', checks: { database, temporal } };
      c.header('Cache-Control', 'no-store');
      return c.json(body, ok ? 200 : 503);
    },
  );
}
