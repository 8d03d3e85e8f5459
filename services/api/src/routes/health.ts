import { pingDatabase } from '@gov/db';
import { checkReadiness } from '@gov/runtime';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { pingTemporal } from '../temporal.js';
import { anyone, jsonAnswer } from './answer.js';

const Check = v.object({ ok: v.boolean(), ms: v.number() });
export const Health = v.object({
  status: v.picklist(['ok', 'unavailable']),
  checks: v.object({ database: Check, temporal: Check }),
});
export type Health = v.InferOutput<typeof Health>;
export const Liveness = v.object({ status: v.literal('ok') });
export type Liveness = v.InferOutput<typeof Liveness>;

const readinessDoc = (summary: string) =>
  describeRoute({
    ...anyone,
    tags: ['platform'],
    summary,
    responses: {
      200: jsonAnswer('All dependencies answer', Health),
      503: jsonAnswer('A dependency is down', Health),
    },
  });

async function readiness(deps: ApiDeps): Promise<Health> {
  const checked = await checkReadiness({ database: () => pingDatabase(deps.sql), temporal: () => pingTemporal(deps.temporal) });
  return { status: checked.status, checks: { database: checked.checks.database!, temporal: checked.checks.temporal! } };
}

/**
 * Liveness (the process answers; restart it if not) apart from readiness (PostgreSQL and
 * Temporal answer; send it traffic only then). /healthz is the older name of /readyz, kept.
 */
export function healthRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get(
      '/livez',
      describeRoute({ ...anyone, tags: ['platform'], summary: 'The API process answers', responses: { 200: jsonAnswer('Alive', Liveness) } }),
      (c) => {
        c.header('Cache-Control', 'no-store');
        return c.json({ status: 'ok' } satisfies Liveness, 200);
      },
    )
    .get('/readyz', readinessDoc('Ready: database and Temporal reachable'), async (c) => {
      const body = await readiness(deps);
      c.header('Cache-Control', 'no-store');
      return c.json(body, body.status === 'ok' ? 200 : 503);
    })
    .get('/healthz', readinessDoc('Database and Temporal reachability (same as /readyz)'), async (c) => {
      const body = await readiness(deps);
      c.header('Cache-Control', 'no-store');
      return c.json(body, body.status === 'ok' ? 200 : 503);
    });
}
