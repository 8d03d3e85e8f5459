import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { startClusterPorts } from './cluster/ports.js';
import { ensureTemporalSchemas, type TemporalStore } from './cluster/temporal-schema.js';
import { startCluster, type Cluster, type ClusterPorts } from './cluster/topology.js';
import { demoBanner } from './demo/banner.js';
import { readScriptsEnv } from './env.js';
import { preparePlatform } from './prepare-platform.js';
import { locateTemporalServer } from './temporal/locate-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA_DIR = `${ROOT}.data/cluster`;
const log = (line: string) => console.log(`[cluster] ${line}`);

/** Fails with the port and what it was for when something else already listens there. */
async function assertFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(new ConfigError(`port ${port} on 127.0.0.1 (${what}) is taken: stop what listens there (\`npm start\`? another start:cluster?) and start again.`)),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/**
 * `npm run start:cluster`: the production-like topology on this machine. The Temporal server on
 * PostgreSQL (its own role and databases), two API processes behind a load balancer, two workers,
 * the stand-ins; Ctrl-C stops it all. docs/operations/topology.md says how and why.
 */
async function main() {
  const env = readScriptsEnv();
  const urls = databaseUrls(env);
  const db = new URL(urls.app);
  const store: TemporalStore = {
    host: db.hostname,
    port: Number(db.port || 5432),
    role: 'temporal',
    persistenceDatabase: 'temporal',
    visibilityDatabase: 'temporal_visibility',
  };
  const ports = startClusterPorts(env.CLUSTER_PORT, Number(env.TEMPORAL_ADDRESS.split(':').pop()));
  const wanted: [number, string][] = [
    [ports.balancer, 'the load balancer: CLUSTER_PORT'],
    ...ports.apis.flatMap((a, i): [number, string][] => [
      [a.port, `API ${i + 1}`],
      [a.metricsPort, `API ${i + 1} metrics`],
    ]),
    ...ports.workers.flatMap((w, i): [number, string][] => [
      [w.httpPort, `worker ${i + 1} operations`],
      [w.temporalMetricsPort, `worker ${i + 1} Temporal metrics`],
    ]),
    [ports.temporal.frontend, 'the Temporal frontend: TEMPORAL_ADDRESS'],
    [ports.temporal.history, 'Temporal history'],
    [ports.temporal.matching, 'Temporal matching'],
    [ports.temporal.worker, 'Temporal worker service'],
    ...Object.entries(ports.standIns).map(([name, port]): [number, string] => [port, `the ${name} stand-in`]),
  ];
  for (const [port, what] of wanted) await assertFree(port, what);

  const binaries = await locateTemporalServer({ pathVar: env.PATH, cacheDir: env.GOV_CACHE_DIR, log });
  await preparePlatform({ urls, citizenIdSecret: env.CITIZEN_ID_DIGEST_SECRET, log, buildWeb: true });
  await ensureTemporalSchemas({ sqlTool: binaries.sqlTool, adminUrl: urls.admin, store, log });
  mkdirSync(`${DATA_DIR}/files`, { recursive: true });
  log('starting the Temporal server, the stand-ins, 2 API processes, 2 workers and the balancer…');
  const cluster = await startCluster({
    databaseUrl: urls.app,
    temporalServer: binaries.server,
    temporalStore: store,
    temporalConfigDir: `${DATA_DIR}/temporal`,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    filesDir: `${DATA_DIR}/files`,
    archiveDir: `${DATA_DIR}/archive`,
    ports,
    baseEnv: { ...process.env, SECOND_FACTOR_KEY: env.SECOND_FACTOR_KEY, PDF_SIGNING_LOCAL_CA: String(env.PDF_SIGNING_LOCAL_CA) },
    supervise: true,
    log,
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    void cluster.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  printBanner(cluster, ports);
}

function printBanner(cluster: Cluster, ports: ClusterPorts) {
  const s = cluster.standIns;
  console.log(`
  Hệ thống một cửa điện tử is running as a cluster. Press Ctrl-C to stop.

    Web app (balancer)  ${cluster.url}/   (API docs ${cluster.url}/api/docs)
    Health              ${cluster.url}/readyz   (through the balancer: whichever API answers)
    API processes       ${ports.apis.map((a) => `http://127.0.0.1:${a.port}`).join('  ')}   metrics ${ports.apis.map((a) => `:${a.metricsPort}/metrics`).join(' ')}
    Workers             operations ${ports.workers.map((w) => `http://127.0.0.1:${w.httpPort}/metrics`).join('  ')}
    Temporal server     ${cluster.temporalAddress} (gRPC; PostgreSQL databases temporal, temporal_visibility; metrics http://127.0.0.1:${ports.temporal.metrics}/metrics)
    Stand-ins           mail ${s.smtpUrl}  SMS ${s.smsUrl}  Zalo ZNS ${s.znsUrl}  VNeID ${s.vneidIssuer}
                        payment ${s.paymentGatewayUrl}  e-invoice ${s.einvoiceUrl}  national portal ${s.portalUrl}
    Messages            ${s.controlUrl}/messages   (POST /control to make one fail or go down)

${demoBanner()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `start:cluster: ${error.message}` : error);
  process.exit(1);
});
