import type { ServiceContext, ValidSession } from '@gov/core';
import type { Db, Sql } from '@gov/db';
import type { Logger } from '@gov/runtime';
import type { Connection } from '@temporalio/client';
import type { RequestIdVariables } from 'hono/request-id';

/** What the API process builds once at start-up and hands to the app. */
export interface ApiDeps {
  db: Db;
  sql: Sql;
  temporal: Connection;
  logger: Logger;
  /** Built web app to serve at `/`; omitted in tests and when the SPA is served elsewhere. */
  webDistDir?: string;
  /** Session cookies get `Secure` whenever the public URL is https (everywhere but local dev). */
  cookieSecure?: boolean;
}

export interface AppEnv {
  /** `ctx` is built once per request (actor, ability) and handed to every service verb. */
  Variables: RequestIdVariables & { ctx: ServiceContext; session?: ValidSession };
}
