import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { databaseUrls } from '@gov/runtime';
import { freeClusterPorts } from '../cluster/ports.js';
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

  const cluster = await startCluster({
    databaseUrl: urls.app,
    temporalServer: binaries.server,
    temporalStore: store,
    temporalConfigDir: `${logDir}/${name}-temporal`,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: `faults-${name}`,
    filesDir: `${logDir}/${name}-files`,
    archiveDir: `${logDir}/${name}-archive`,
    ports: await freeClusterPorts(),
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
