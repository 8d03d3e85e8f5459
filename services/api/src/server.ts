import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client } from '@temporalio/client';
import { FileStore } from '@gov/core';
import { createDb } from '@gov/db';
import { ConfigError, createLogger } from '@gov/runtime';
import { createApp } from './app.js';
import { readApiEnv } from './env.js';
import { createTemporalConnection } from './temporal.js';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

function main() {
  const env = readApiEnv();
  const logger = createLogger(env.LOG_LEVEL, 'api');
  const { db, sql } = createDb(env.DATABASE_URL);
  const temporal = createTemporalConnection(env.TEMPORAL_ADDRESS);
  const accountKeys = { codeSecret: env.ACCOUNT_CODE_SECRET, citizenIdSecret: env.CITIZEN_ID_DIGEST_SECRET };
  const app = createApp({
    accountKeys,
    db,
    sql,
    temporal,
    logger,
    dossiers: {
      engine: { client: new Client({ connection: temporal, namespace: env.TEMPORAL_NAMESPACE }), taskQueue: env.TEMPORAL_TASK_QUEUE },
      files: new FileStore(env.FILES_DIR),
      statusTokenSecret: env.STATUS_TOKEN_SECRET,
      accountKeys,
    },
    webDistDir: env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST,
    cookieSecure: env.PUBLIC_URL.startsWith('https:'),
  });
  const server = serve({ fetch: app.fetch, port: env.API_PORT, hostname: env.API_HOST }, (info) =>
    logger.info({ port: info.port, host: env.API_HOST }, 'api listening'),
  );
  const stop = () => {
    logger.info('api stopping');
    server.close();
    void Promise.allSettled([sql.end({ timeout: 5 }), temporal.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  main();
} catch (error: unknown) {
  if (error instanceof ConfigError) {
    console.error(`api: configuration error: ${error.message}`);
  } else {
    console.error('api: failed to start', error);
  }
  process.exit(1);
}
