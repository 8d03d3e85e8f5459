import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { FileStore } from '@gov/core';
import { createDb, pingDatabase } from '@gov/db';
import { SigningKeys } from '@gov/documents';
import { ConfigError, createLogger, createMetricsRegistry, poolApplicationName, registerPoolMetrics, startOpsServer, startTracing } from '@gov/runtime';
import { createApp } from './app.js';
import { paymentConfig, readApiEnv, vneidConfig } from './env.js';
import { createTemporalConnection, createWorkflowClient, pingTemporal } from './temporal.js';

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

async function main() {
  const env = readApiEnv();
  // Before anything that makes spans: the SDK is wired here only (off unless OTEL_TRACES_EXPORTER).
  const tracing = startTracing({ env, defaultServiceName: 'gov-api' });
  const logger = createLogger(env.LOG_LEVEL, 'api');
  const applicationName = poolApplicationName('gov-api');
  const { db, sql } = createDb(env.DATABASE_URL, { applicationName });
  const temporal = createTemporalConnection(env.TEMPORAL_ADDRESS);
  const metrics = createMetricsRegistry();
  registerPoolMetrics(metrics, sql, applicationName);
  const accountKeys = { codeSecret: env.ACCOUNT_CODE_SECRET, citizenIdSecret: env.CITIZEN_ID_DIGEST_SECRET };
  const app = createApp({
    accountKeys,
    secondFactorKey: env.SECOND_FACTOR_KEY,
    db,
    sql,
    temporal,
    logger,
    metrics,
    dossiers: {
      engine: { client: createWorkflowClient(temporal, env.TEMPORAL_NAMESPACE), taskQueue: env.TEMPORAL_TASK_QUEUE },
      files: new FileStore(env.FILES_DIR),
      archiveFiles: new FileStore(env.ARCHIVE_DIR),
      statusTokenSecret: env.STATUS_TOKEN_SECRET,
      accountKeys,
      forms: {
        publicUrl: env.PUBLIC_URL,
        fontDir: env.PDF_FONT_DIR,
        signing: new SigningKeys({ dir: env.PDF_SIGNING_DIR, passphrase: env.PDF_SIGNING_PASSPHRASE, issueMissing: env.PDF_SIGNING_LOCAL_CA }),
      },
    },
    webDistDir: env.WEB_DIST_DIR ?? DEFAULT_WEB_DIST,
    cookieSecure: env.PUBLIC_URL.startsWith('https:'),
    vneid: vneidConfig(env),
    payments: paymentConfig(env),
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  });
  const ops = await startOpsServer({
    host: env.API_METRICS_HOST,
    port: env.API_METRICS_PORT,
    registry: metrics,
    checks: { database: () => pingDatabase(sql), temporal: () => pingTemporal(temporal) },
  });
  const server = serve({ fetch: app.fetch, port: env.API_PORT, hostname: env.API_HOST }, (info) =>
    logger.info({ port: info.port, host: env.API_HOST, metrics: ops.url }, 'api listening'),
  );
  const stop = () => {
    logger.info('api stopping');
    server.close();
    void Promise.allSettled([ops.close(), sql.end({ timeout: 5 }), temporal.close(), tracing.shutdown()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`api: configuration error: ${error.message}`);
  } else {
    console.error('api: failed to start', error);
  }
  process.exit(1);
});
