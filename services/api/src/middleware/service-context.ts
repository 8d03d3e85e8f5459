import { createAppAbility } from '@gov/domain';
import type { MiddlewareHandler } from 'hono';
import type { ApiDeps, AppEnv } from '../app-env.js';

/**
 * Builds the request's ServiceContext. Until a session says otherwise the actor is anonymous
 * with an empty ability: everything not explicitly public is refused (fail closed).
 */
export function serviceContext(deps: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('ctx', { requestId: c.get('requestId'), db: deps.db, sql: deps.sql, actor: null, ability: createAppAbility([]) });
    await next();
  };
}
