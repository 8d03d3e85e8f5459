import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { databaseUrls } from '@gov/runtime';
import { freePort } from '@gov/testing';
import { ensureTemporalSchemas, type TemporalStore } from '../cluster/temporal-schema.js';
import { startCluster, type Cluster } from '../cluster/topology.js';
import { readScriptsEnv } from '../env.js';
import { preparePlatform } from '../prepare-platform.js';
import { locateTemporalServer } from '../temporal/locate-server.js';
import { readTestEnv } from '../testing/env.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface FaultCluster {
  cluster: Cluster;
  namespace: string;
  /** A superuser connection to the test database, to count what the API wrote (row-level security does not hide rows from it). */
  admin: postgres.Sql;
  /** Where every process's output goes: read it when a fault test fails. */
  logFile: string;
  close(): Promise<void>;
}

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A free port below 32768, outside the range the system hands out, for Temporal's membership ports (a smallint column). */
async function lowFreePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await listens(port)) return port;
  }
}

const drop = (sql: postgres.Sql, name: string) => sql.unsafe(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);

/**
 * The cluster topology on free ports against the test database (TEST_DATABASE_URL) and a fresh
 * Temporal store of its own (`<test database>_temporal`, `…_temporal_visibility`), so a fault
 * test starts from no workflows and never touches `npm start`'s or `start:cluster`'s data.
 */
export async function startFaultCluster(name: string): Promise<FaultCluster> {
  const env = readScriptsEnv();
  const urls = databaseUrls({ DATABASE_URL: readTestEnv().TEST_DATABASE_URL });
  const logDir = `${ROOT}.data/faults`;
  mkdirSync(logDir, { recursive: true });
  const logFile = `${logDir}/${name}.log`;
  rmSync(logFile, { force: true });
  const log = (line: string) => appendFileSync(logFile, `${line}\n`);
  const binaries = await locateTemporalServer({ pathVar: env.PATH, cacheDir: env.GOV_CACHE_DIR, log });
  await preparePlatform({ urls, citizenIdSecret: env.CITIZEN_ID_DIGEST_SECRET, log, buildWeb: false });
  const db = new URL(urls.app);
  const store: TemporalStore = {
    host: db.hostname,
    port: Number(db.port || 5432),
    role: 'temporal',
    persistenceDatabase: `${urls.databaseName}_temporal`,
    visibilityDatabase: `${urls.databaseName}_temporal_visibility`,
  };
  const server = postgres(urls.admin, { max: 1, onnotice: () => {} });
  await drop(server, store.persistenceDatabase);
  await drop(server, store.visibilityDatabase);
  await server.end({ timeout: 1 });
  await ensureTemporalSchemas({ sqlTool: binaries.sqlTool, adminUrl: urls.admin, store, log });

  const port = () => freePort();
  const cluster = await startCluster({
    databaseUrl: urls.app,
    temporalServer: binaries.server,
    temporalStore: store,
    temporalConfigDir: `${logDir}/${name}-temporal`,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: `faults-${name}`,
    filesDir: `${logDir}/${name}-files`,
    archiveDir: `${logDir}/${name}-archive`,
    ports: {
      balancer: await port(),
      apis: [
        { port: await port(), metricsPort: await port() },
        { port: await port(), metricsPort: await port() },
      ],
      workers: [
        { httpPort: await port(), temporalMetricsPort: await port() },
        { httpPort: await port(), temporalMetricsPort: await port() },
      ],
      temporal: {
        frontend: await port(),
        frontendHttp: await port(),
        history: await port(),
        matching: await port(),
        worker: await port(),
        membership: [await lowFreePort(), await lowFreePort(), await lowFreePort(), await lowFreePort()],
        metrics: await port(),
      },
      standIns: { smtp: await port(), sms: await port(), control: await port(), zns: await port(), vneid: await port(), portal: await port() },
    },
    baseEnv: { ...process.env, SECOND_FACTOR_KEY: env.SECOND_FACTOR_KEY, PDF_SIGNING_LOCAL_CA: 'true', LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '200' },
    supervise: false,
    log,
    output: (process, line) => log(`[${process}] ${line}`),
  });
  const adminUrl = new URL(urls.admin);
  adminUrl.pathname = `/${urls.databaseName}`;
  const admin = postgres(adminUrl.toString(), { max: 2, onnotice: () => {} });
  return {
    cluster,
    namespace: env.TEMPORAL_NAMESPACE,
    admin,
    logFile,
    async close() {
      await admin.end({ timeout: 1 });
      await cluster.stop();
    },
  };
}
