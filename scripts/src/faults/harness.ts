import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { databaseUrls } from '@gov/runtime';
import { freeClusterPorts } from '../cluster/ports.js';
import { ensureTemporalSchemas, type TemporalStore } from '../cluster/temporal-schema.js';
import { startCluster, type Cluster } from '../cluster/topology.js';
import { readScriptsEnv } from '../env.js';
import { preparePlatform } from '../prepare-platform.js';
import { locateTemporalServer, type TemporalServerBinaries } from '../temporal/locate-server.js';
import { readTestEnv } from '../testing/env.js';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface FaultCluster {
  cluster: Cluster;
  /** The PostgreSQL every part of the cluster uses (the app and Temporal), the fault run's own. */
  postgres: PrivatePostgres;
  namespace: string;
  /** A superuser connection to the test database, to count what the API wrote (row-level security does not hide rows from it). */
  admin: postgres.Sql;
  /** Where every process's output goes: read it when a fault test fails. */
  logFile: string;
  close(): Promise<void>;
}

/**
 * The cluster topology on free ports, on a PostgreSQL of the run's own (private-postgres.ts) that
 * holds the app's database (named as TEST_DATABASE_URL's, set up by the project's own setup) and
 * Temporal's two (`<database>_temporal`, `…_temporal_visibility`): a fault test starts from no
 * workflows, may stop PostgreSQL under the platform, and never touches the machine's shared server.
 */
export async function startFaultCluster(name: string): Promise<FaultCluster> {
  const env = readScriptsEnv();
  const logDir = `${ROOT}.data/faults`;
  mkdirSync(logDir, { recursive: true });
  const logFile = `${logDir}/${name}.log`;
  rmSync(logFile, { force: true });
  const log = (line: string) => appendFileSync(logFile, `${line}\n`);
  const binaries = await locateTemporalServer({ pathVar: env.PATH, cacheDir: env.GOV_CACHE_DIR, log });
  const pg = await startPrivatePostgres({ binDir: process.env.PG_BIN_DIR, log });
  try {
    return await startOn({ pg, binaries, name, logDir, logFile, log });
  } catch (error) {
    await pg.close();
    throw error;
  }
}

async function startOn(a: {
  pg: PrivatePostgres;
  binaries: TemporalServerBinaries;
  name: string;
  logDir: string;
  logFile: string;
  log: (line: string) => void;
}): Promise<FaultCluster> {
  const { pg, binaries, name, logDir, logFile, log } = a;
  const env = readScriptsEnv();
  const app = new URL(readTestEnv().TEST_DATABASE_URL);
  app.host = `127.0.0.1:${pg.port}`;
  const urls = databaseUrls({ DATABASE_URL: app.toString(), DATABASE_ADMIN_URL: pg.adminUrl });
  await preparePlatform({ urls, citizenIdSecret: env.CITIZEN_ID_DIGEST_SECRET, log, buildWeb: false });
  const db = new URL(urls.app);
  const store: TemporalStore = {
    host: db.hostname,
    port: Number(db.port || 5432),
    role: 'temporal',
    persistenceDatabase: `${urls.databaseName}_temporal`,
    visibilityDatabase: `${urls.databaseName}_temporal_visibility`,
  };
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
    // Four Node processes loading at once on a shared 2-core machine can take minutes.
    startTimeoutMs: 300_000,
    log,
    output: (process, line) => log(`[${process}] ${line}`),
  });
  const adminUrl = new URL(urls.admin);
  adminUrl.pathname = `/${urls.databaseName}`;
  const admin = postgres(adminUrl.toString(), { max: 2, onnotice: () => {} });
  return {
    cluster,
    postgres: pg,
    namespace: env.TEMPORAL_NAMESPACE,
    admin,
    logFile,
    async close() {
      await admin.end({ timeout: 1 });
      await cluster.stop();
      await pg.close();
    },
  };
}
