import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { databaseUrls, type DatabaseUrls } from '@gov/runtime';
import { freeClusterPorts, startClusterPorts } from '../cluster/ports.js';
import { ensureTemporalSchemas, type TemporalStore } from '../cluster/temporal-schema.js';
import { startCluster, type ClusterPorts } from '../cluster/topology.js';
import { readScriptsEnv } from '../env.js';
import { preparePlatform } from '../prepare-platform.js';
import { locateTemporalServer } from '../temporal/locate-server.js';
import { sampleMetrics, sampleProc, type MemorySample } from './memory.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface SoakProcess {
  name: string;
  kind: 'api' | 'worker' | 'temporal';
  sample(): Promise<MemorySample | undefined>;
}

/** What the soak drives and watches: the balancer, each process's memory, and the databases to size. */
export interface SoakTarget {
  url: string;
  processes: SoakProcess[];
  /** A superuser connection to the app's database (row-level security does not hide rows from it). */
  admin: postgres.Sql;
  databases: { app: string; temporal: string; visibility: string };
  /** Where the processes' output goes, when the soak started them. */
  logFile?: string;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function adminOf(urls: DatabaseUrls) {
  const url = new URL(urls.admin);
  url.pathname = `/${urls.databaseName}`;
  return postgres(url.toString(), { max: 2, onnotice: () => {} });
}

function processesOf(ports: ClusterPorts, temporalPid?: () => number | undefined): SoakProcess[] {
  return [
    ...ports.apis.map((a, i) => ({ name: `api-${i + 1}`, kind: 'api' as const, sample: () => sampleMetrics(`http://127.0.0.1:${a.metricsPort}/metrics`) })),
    ...ports.workers.map((w, i) => ({
      name: `worker-${i + 1}`,
      kind: 'worker' as const,
      sample: () => sampleMetrics(`http://127.0.0.1:${w.httpPort}/metrics`),
    })),
    ...(temporalPid
      ? [
          {
            name: 'temporal',
            kind: 'temporal' as const,
            sample: () => {
              const pid = temporalPid();
              return Promise.resolve(pid ? sampleProc(pid) : undefined);
            },
          },
        ]
      : []),
  ];
}

/**
 * The cluster topology of `start:cluster` on free ports, against databases of the soak's own:
 * `<DATABASE_URL's database>_soak` and its Temporal store `…_soak_temporal`, `…_soak_temporal_visibility`.
 * They are dropped and made again unless `keep` (then the dossiers of earlier runs stay open, to
 * soak on top of them). Every process's output goes to `.data/soak/cluster.log`.
 */
export async function startSoakCluster(args: { keep: boolean; log: (line: string) => void }): Promise<SoakTarget> {
  const env = readScriptsEnv();
  const appUrl = new URL(env.DATABASE_URL);
  const name = `${databaseUrls(env).databaseName}_soak`;
  appUrl.pathname = `/${name}`;
  const urls = databaseUrls({ DATABASE_URL: appUrl.toString() });
  const dataDir = `${ROOT}.data/soak`;
  mkdirSync(dataDir, { recursive: true });
  const logFile = `${dataDir}/cluster.log`;
  rmSync(logFile, { force: true });
  const toFile = (line: string) => appendFileSync(logFile, `${line}\n`);
  const db = new URL(urls.app);
  const store: TemporalStore = {
    host: db.hostname,
    port: Number(db.port || 5432),
    role: 'temporal',
    persistenceDatabase: `${name}_temporal`,
    visibilityDatabase: `${name}_temporal_visibility`,
  };
  const binaries = await locateTemporalServer({ pathVar: env.PATH, cacheDir: env.GOV_CACHE_DIR, log: args.log });
  if (!args.keep) {
    const server = postgres(urls.admin, { max: 1, onnotice: () => {} });
    for (const database of [name, store.persistenceDatabase, store.visibilityDatabase]) {
      await server.unsafe(`drop database if exists ${quote(database)} with (force)`);
    }
    await server.end({ timeout: 1 });
    rmSync(`${dataDir}/files`, { recursive: true, force: true });
    rmSync(`${dataDir}/archive`, { recursive: true, force: true });
  }
  args.log(`preparing ${name} (migrations, reference data, demo accounts)…`);
  await preparePlatform({ urls, citizenIdSecret: env.CITIZEN_ID_DIGEST_SECRET, log: toFile, buildWeb: false });
  await ensureTemporalSchemas({ sqlTool: binaries.sqlTool, adminUrl: urls.admin, store, log: toFile });
  const ports = await freeClusterPorts();
  args.log('starting the Temporal server on PostgreSQL, the stand-ins, 2 API processes, 2 workers and the balancer…');
  const cluster = await startCluster({
    databaseUrl: urls.app,
    temporalServer: binaries.server,
    temporalStore: store,
    temporalConfigDir: `${dataDir}/temporal`,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    filesDir: `${dataDir}/files`,
    archiveDir: `${dataDir}/archive`,
    ports,
    baseEnv: { ...process.env, SECOND_FACTOR_KEY: env.SECOND_FACTOR_KEY, PDF_SIGNING_LOCAL_CA: 'true', LOG_LEVEL: 'warn' },
    supervise: false,
    log: toFile,
    output: (process, line) => toFile(`[${process}] ${line}`),
  });
  const admin = adminOf(urls);
  return {
    url: cluster.url,
    processes: processesOf(ports, () => cluster.temporalPid()),
    admin,
    databases: { app: name, temporal: store.persistenceDatabase, visibility: store.visibilityDatabase },
    logFile,
    async close() {
      await admin.end({ timeout: 1 });
      await cluster.stop();
    },
  };
}

/** A running `npm run start:cluster` on its usual ports and databases (nothing is started or stopped). */
export function attachToStartCluster(): SoakTarget {
  const env = readScriptsEnv();
  const urls = databaseUrls(env);
  const ports = startClusterPorts(env.CLUSTER_PORT, Number(env.TEMPORAL_ADDRESS.split(':').pop()));
  const admin = adminOf(urls);
  return {
    url: `http://127.0.0.1:${ports.balancer}`,
    processes: processesOf(ports),
    admin,
    databases: { app: urls.databaseName, temporal: 'temporal', visibility: 'temporal_visibility' },
    close: () => admin.end({ timeout: 1 }),
  };
}
