import { recordMinistryRead } from '@gov/core';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env.js';

/**
 * Records every successful request by ministry staff to a province's data, one row per request
 * (Bộ đã xem dữ liệu của tỉnh). Mounted on every path that names a province and on the reports,
 * so a route added later is recorded without anyone remembering to. Any method counts: some reads
 * are POSTs (the due-date calculation), and a ministry write is also a look at the province. The
 * record is written before the response leaves: if it fails, the request fails too (fail closed).
 * Whether the actor is ministry staff is decided in the core verb.
 */
export function ministryReads(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status < 200 || c.res.status >= 300) return;
    // After next(), the route index points at the handler that answered: its pattern and params.
    const params = c.req.param() as Record<string, string>;
    await recordMinistryRead({
      ctx: c.get('ctx'),
      input: { tenantId: params.tenantId ?? null, resource: `${c.req.method} ${routePath(c)}`, params },
    });
  };
}
