import { recordMinistryRead } from '@gov/core';
import type { Logger } from '@gov/runtime';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../app-env.js';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Records every successful request by ministry staff to a province's data, one row per request
 * (Bộ đã xem dữ liệu của tỉnh). Mounted on every path that names a province and on the reports,
 * so a route added later is recorded without anyone remembering to. Any method counts: some reads
 * are POSTs (the due-date calculation), and a ministry write is also a look at the province.
 * Whether the actor is ministry staff is decided in the core verb.
 *
 * The record is written after the handler, which is when the route's pattern is known. For a
 * read, a failed record fails the request (fail closed: nothing is shown unrecorded). A write has
 * committed by then and is in the audit log already, so a failed record is logged as an error
 * and the answer stays true: answering 500 would tell the ministry a committed change failed.
 */
export function ministryReads(logger: Logger, record: typeof recordMinistryRead = recordMinistryRead): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status < 200 || c.res.status >= 300) return;
    // After next(), the route index points at the handler that answered: its pattern and params.
    const params = c.req.param() as Record<string, string>;
    const resource = `${c.req.method} ${routePath(c)}`;
    const recorded = record({ ctx: c.get('ctx'), input: { tenantId: params.tenantId ?? null, resource, params } });
    if (READ_METHODS.has(c.req.method)) {
      // A streamed export has already opened its database cursor: an answer refused here must
      // let it go, or the cursor's connection would wait for a reader that never comes.
      await recorded.catch(async (error: unknown) => {
        await c.res.body?.cancel().catch(() => undefined);
        throw error;
      });
      return;
    }
    await recorded.catch((error: unknown) =>
      logger.error({ requestId: c.get('requestId'), resource, err: error }, 'ministry read record failed after a write'),
    );
  };
}
