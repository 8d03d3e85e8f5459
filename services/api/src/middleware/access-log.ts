import type { Logger } from '@gov/runtime';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * One line per request. Only the path is logged, never the query string or body: both may carry
 * personal data (an ID-number suffix in a status lookup, a password on login).
 */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
