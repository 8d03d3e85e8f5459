import { spawnStandIns, type SpawnedStandIns } from '@gov/stand-ins';
import { stopChild, waitForHttp, type Child } from '../children.js';
import { startBalancer, type Balancer } from './balancer.js';
import { startDeployable, type Deployable } from './deployables.js';
import type { TemporalPorts } from './temporal-config.js';
import type { TemporalStore } from './temporal-schema.js';
import { startTemporalServer, type TemporalServer } from './temporal-server.js';

export interface ClusterPorts {
  balancer: number;
  apis: { port: number; metricsPort: number }[];
  workers: { httpPort: number; temporalMetricsPort: number }[];
  temporal: TemporalPorts;
  standIns: { smtp: number; sms: number; control: number; zns: number; vneid: number; portal: number };
}

export interface ClusterOptions {
  /** The app's connection (role gov_app), already set up and migrated. */
  databaseUrl: string;
  temporalServer: string;
  temporalStore: TemporalStore;
  temporalConfigDir: string;
  namespace: string;
  taskQueue: string;
  /** Attachments, shared by the API processes (one machine here; shared storage in production). */
  filesDir: string;
  /** Archive storage, shared by the API processes and the workers (docs/domain/archive-and-retention.md). */
  archiveDir: string;
  ports: ClusterPorts;
  /** What every process inherits (secrets for local development, PDF_SIGNING_LOCAL_CA, …). */
  baseEnv: NodeJS.ProcessEnv;
  /** Restart an API or worker process that exits without being told to, like a service manager. */
  supervise: boolean;
  log: (line: string) => void;
  /** One line of a process's output; by default printed with its name. */
  output?: (name: string, line: string) => void;
  /** How long an API or worker process may take to answer /livez after it is started (120 s). */
  startTimeoutMs?: number;
}

export interface ClusterProcess {
  name: string;
  kind: Deployable;
  child: Child | undefined;
  /** Where it answers /livez: the API's public port, the worker's operations port. */
  liveUrl: string;
  env: NodeJS.ProcessEnv;
}

export interface Cluster {
  url: string;
  balancer: Balancer;
  standIns: SpawnedStandIns;
  temporalAddress: string;
  /** The Temporal server's process id while it runs, to tell whether something restarted it (and for the soak to read its memory from /proc). */
  temporalPid(): number | undefined;
  processes: ClusterProcess[];
  /** Sends `signal` to one process (SIGKILL by default: no draining, no goodbye) and waits until it is gone. */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a stopped process again and waits until it answers. */
  start(name: string): Promise<void>;
  /** Stops the Temporal server (SIGTERM, or SIGKILL) and starts it again on the same store. */
  restartTemporal(signal?: NodeJS.Signals): Promise<void>;
  stopTemporal(signal?: NodeJS.Signals): Promise<void>;
  startTemporal(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The production-like topology on 127.0.0.1: the Temporal server on PostgreSQL, the stand-ins,
 * two (or more) API processes behind the balancer and two (or more) workers on one task queue.
 * Used by `npm run start:cluster` and by the fault tests, which kill and restart its parts.
 */
export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const output = o.output ?? ((name, line) => process.stdout.write(`[${name}] ${line}\n`));
  const publicUrl = `http://127.0.0.1:${o.ports.balancer}`;
  let stopping = false;
  const parts: { balancer?: Balancer; standIns?: SpawnedStandIns; temporal?: TemporalServer } = {};
  const processes: ClusterProcess[] = [];

  const stop = async () => {
    stopping = true;
    await Promise.all(processes.flatMap((p) => (p.child ? [stopChild(p.child.process)] : [])));
    await parts.balancer?.close();
    await parts.temporal?.stop();
    await parts.standIns?.stop();
  };

  const startTemporal = async () => {
    parts.temporal = await startTemporalServer({
      binary: o.temporalServer,
      configDir: o.temporalConfigDir,
      store: o.temporalStore,
      ports: o.ports.temporal,
      namespace: o.namespace,
      onOutput: (line) => output('temporal', line),
    });
  };

  const launch = async (p: ClusterProcess) => {
    const child = startDeployable(p.kind, p.name, p.env, (line) => output(p.name, line));
    p.child = child;
    child.process.once('exit', (code, signal) => {
      if (p.child !== child) return;
      p.child = undefined;
      if (stopping || !o.supervise) return;
      o.log(`${p.name} exited (${signal ?? `code ${code}`}); starting it again`);
      setTimeout(() => void launch(p).catch((error: unknown) => o.log(`${p.name} did not come back: ${(error as Error).message}`)), 1000);
    });
    await waitForHttp(`${p.liveUrl}/livez`, o.startTimeoutMs ?? 120_000);
  };

  try {
    // The balancer first: a taken port stops the start before anything else runs.
    parts.balancer = await startBalancer({
      host: '127.0.0.1',
      port: o.ports.balancer,
      backends: o.ports.apis.map((a) => `http://127.0.0.1:${a.port}`),
      log: (line) => o.log(`balancer: ${line}`),
    });
    const s = o.ports.standIns;
    parts.standIns = await spawnStandIns({
      smtpPort: s.smtp,
      smsPort: s.sms,
      controlPort: s.control,
      znsPort: s.zns,
      portalPort: s.portal,
      vneid: { port: s.vneid, redirectUris: [`${publicUrl}/api/auth/vneid/callback`] },
      payment: { ipnUrl: `${publicUrl}/api/payments/ipn` },
      env: o.baseEnv,
    });
    await startTemporal();
    const standIns = parts.standIns;
    const common = {
      ...o.baseEnv,
      DATABASE_URL: o.databaseUrl,
      TEMPORAL_ADDRESS: parts.temporal!.address,
      TEMPORAL_NAMESPACE: o.namespace,
      TEMPORAL_TASK_QUEUE: o.taskQueue,
      PUBLIC_URL: publicUrl,
    };
    o.ports.apis.forEach((a, i) =>
      processes.push({
        name: `api-${i + 1}`,
        kind: 'api',
        child: undefined,
        liveUrl: `http://127.0.0.1:${a.port}`,
        env: {
          ...common,
          API_HOST: '127.0.0.1',
          API_PORT: String(a.port),
          API_METRICS_PORT: String(a.metricsPort),
          // Exactly one proxy (the balancer) appends the client to X-Forwarded-For.
          TRUSTED_PROXY_HOPS: '1',
          FILES_DIR: o.filesDir,
          ARCHIVE_DIR: o.archiveDir,
          OIDC_ISSUER: standIns.vneidIssuer,
          PAYMENT_GATEWAY_URL: standIns.paymentGatewayUrl,
        },
      }),
    );
    o.ports.workers.forEach((w, i) =>
      processes.push({
        name: `worker-${i + 1}`,
        kind: 'worker',
        child: undefined,
        liveUrl: `http://127.0.0.1:${w.httpPort}`,
        env: {
          ...common,
          WORKER_HTTP_PORT: String(w.httpPort),
          TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${w.temporalMetricsPort}`,
          SMTP_URL: standIns.smtpUrl,
          SMS_URL: standIns.smsUrl,
          ZNS_URL: standIns.znsUrl,
          EINVOICE_URL: standIns.einvoiceUrl,
          NATIONAL_PORTAL_URL: standIns.portalUrl,
          FILES_DIR: o.filesDir,
          ARCHIVE_DIR: o.archiveDir,
        },
      }),
    );
    await Promise.all(processes.map(launch));
    await parts.balancer.checkNow();
  } catch (error) {
    await stop();
    throw error;
  }

  const find = (name: string) => {
    const p = processes.find((candidate) => candidate.name === name);
    if (!p) throw new Error(`no process named ${name} (${processes.map((c) => c.name).join(', ')})`);
    return p;
  };
  const stopTemporal = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const server = parts.temporal;
    parts.temporal = undefined;
    if (!server || server.process.exitCode !== null) return;
    if (signal === 'SIGTERM') return server.stop();
    const gone = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
    server.process.kill(signal);
    await gone;
  };
  return {
    url: publicUrl,
    balancer: parts.balancer,
    standIns: parts.standIns,
    temporalAddress: `127.0.0.1:${o.ports.temporal.frontend}`,
    temporalPid: () => {
      const server = parts.temporal?.process;
      return server && server.exitCode === null && server.signalCode === null ? server.pid : undefined;
    },
    processes,
    async kill(name, signal = 'SIGKILL') {
      const p = find(name);
      const child = p.child;
      if (!child) return;
      p.child = undefined; // told to stop: not restarted by the supervisor
      const gone = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
      child.process.kill(signal);
      await gone;
    },
    async start(name) {
      const p = find(name);
      if (p.child) throw new Error(`${name} is running`);
      await launch(p);
      await parts.balancer?.checkNow();
    },
    stopTemporal,
    startTemporal,
    async restartTemporal(signal) {
      await stopTemporal(signal);
      await startTemporal();
    },
    stop,
  };
}
