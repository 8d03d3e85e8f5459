import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, createTemporalConnection } from '@gov/api';
import { SigningKeys } from '@gov/documents';
import { DOSSIER_WORKFLOW_TYPE, dossierWorkflowStart, type StartDossierPayload } from '@gov/domain/contract';
import { createDb, schema, withTenant } from '@gov/db';
import { ConfigError, createLogger, databaseUrls } from '@gov/runtime';
import { Client } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { readScriptsEnv } from '../env.js';
import { benchFileStores } from './bench-files.js';
import { locateTemporalCli, startDevServer, temporalReady, type DevServer } from '../temporal/index.js';
import { setupDatabase } from '@gov/db/setup';
import { cpuMeter } from './cpu-meter.js';
import { closedLoop, percentile } from './dossiers-loop.js';
import { BENCH_PASSWORD, setupBenchProvince, type BenchProvince } from './dossiers-setup.js';

const log = (line: string) => console.error(line);
/** The bench signs no one up; the keys only complete the wiring. */
const BENCH_KEYS = { codeSecret: 'bench-account-code-secret', citizenIdSecret: 'bench-citizen-id-secret' };
type App = ReturnType<typeof createApp>;
interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(app: App, login: string): Promise<Session> {
  const r = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: BENCH_PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`sign-in failed for ${login}: ${r.status}`);
  return { cookie: (r.headers.get('Set-Cookie') ?? '').split(';')[0]!, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}
const post = (app: App, s: Session, path: string, body: unknown, extra: Record<string, string> = {}) =>
  Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: s.cookie, 'X-CSRF-Token': s.csrf, ...extra },
      body: JSON.stringify(body),
    }),
  );

/** One online submission through the whole API (session, CASL, intake transaction, workflow start). */
async function submit(app: App, p: BenchProvince, citizen: Session, i: number): Promise<{ dossierId: string }> {
  const body = {
    procedureCode: p.procedureCode,
    channel: 'online',
    receivingUnitId: p.receivingUnitIds[i % p.receivingUnitIds.length],
    applicant: { fullName: `Công Dân Đo ${i}`, citizenId: '001090001234' },
  };
  const r = await post(app, citizen, `/api/tenants/${p.tenantId}/dossiers`, body, { 'Idempotency-Key': `bench-${randomUUID()}` });
  const json = (await r.json()) as { dossierId: string; workflowStarted: boolean };
  if (r.status !== 201 || !json.workflowStarted) throw new Error(`submission failed: ${r.status}`);
  return json;
}

/** Median and spread (min–max) of one figure over the measured rounds. */
function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { median: r(median), min: r(sorted[0]!), max: r(sorted.at(-1)!) };
}
const ms = (x: number) => Math.round(x * 10) / 10;
/** The 1-minute load average, printed with each figure: the machine may be shared. */
const load = () => Math.round(loadavg()[0]! * 100) / 100;

/** The worker in a child process (bench-worker.ts), so its CPU is counted apart from the API's. */
async function spawnWorker(taskQueue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench-worker.ts'), taskQueue], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench worker exited (${code}) before it was ready`)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  return child;
}

/**
 * `npm run bench:dossiers`: submissions per second end to end (in-process API → PostgreSQL →
 * workflow started) against the bare start rate of the same Temporal server, measured before and
 * after each round; then the officer action round trip (Update through the API, the worker in its
 * own process). A warm-up first (JIT, pools, caches), then `--rounds` measured rounds, reported
 * each and as median and spread, with the CPU milliseconds each operation costs the API process,
 * the worker, Temporal and the bench database's PostgreSQL backends. Needs the database; starts
 * a Temporal dev server when none answers. Reports; never fails on the figures.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      clients: { type: 'string' },
      dossiers: { type: 'string' },
      units: { type: 'string' },
      lanes: { type: 'string' },
      rounds: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds ?? 10);
  const clients = Number(values.clients ?? 16);
  const actionDossiers = Number(values.dossiers ?? 50);
  const rounds = Number(values.rounds ?? 3);
  // `--only submissions` or `--only actions`: one half, e.g. under a CPU profiler.
  const only = values.only;
  // Officers acting at the same moment on this one API process: 1 is the latency a single
  // officer sees; more shows it under load on the same 2 cores.
  const laneCounts = (values.lanes ?? '1,4').split(',').map(Number);
  const env = readScriptsEnv();
  const urls = databaseUrls(env);
  await setupDatabase(urls, log);
  // Reuse the server of `npm start`; otherwise run a dev server (SQLite, as npm start does) for this run.
  let devServer: DevServer | undefined;
  if (!(await temporalReady(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE))) {
    const cli = await locateTemporalCli({ explicitPath: env.TEMPORAL_CLI_PATH, pathVar: env.PATH, cacheDir: env.GOV_CACHE_DIR, log });
    log(`starting a Temporal dev server on ${env.TEMPORAL_ADDRESS}`);
    devServer = await startDevServer({
      cli,
      port: Number(env.TEMPORAL_ADDRESS.split(':').pop()),
      namespace: env.TEMPORAL_NAMESPACE,
      dbFile: join(tmpdir(), `gov-bench-temporal-${randomUUID()}.sqlite`),
    });
  }
  const { db, sql } = createDb(urls.app, { max: clients + 4 });
  const temporal = createTemporalConnection(env.TEMPORAL_ADDRESS);
  const client = new Client({ connection: temporal, namespace: env.TEMPORAL_NAMESPACE });
  const idleQueue = `bench-idle-${randomUUID()}`;
  const workQueue = `bench-work-${randomUUID()}`;
  const { live: files, archive: archiveFiles } = benchFileStores();
  const appFor = (taskQueue: string) =>
    createApp({
      db,
      sql,
      temporal,
      logger: createLogger('silent', 'bench'),
      accountKeys: BENCH_KEYS,
      // The bench signs in a citizen only; admins' authenticators are never opened here.
      secondFactorKey: new Uint8Array(32),
      dossiers: {
        engine: { client, taskQueue },
        files,
        archiveFiles,
        statusTokenSecret: 'bench-status-token-secret',
        accountKeys: BENCH_KEYS,
        forms: {
          publicUrl: 'http://127.0.0.1:3000',
          fontDir: '/usr/share/fonts/truetype/dejavu',
          signing: new SigningKeys({ dir: env.PDF_SIGNING_DIR, passphrase: env.PDF_SIGNING_PASSPHRASE, issueMissing: env.PDF_SIGNING_LOCAL_CA }),
        },
      },
    });
  const idleApp = appFor(idleQueue);
  const p = await setupBenchProvince({ db, sql, ownerUrl: urls.owner, units: Number(values.units ?? 32) });
  const citizen = await signIn(idleApp, p.logins.citizen);
  const temporalPort = Number(env.TEMPORAL_ADDRESS.split(':').pop());
  const postgresPids = async () => (await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`).map((r) => r.pid);

  // Take a real start payload so bare starts carry the same input as intake's.
  for (let i = 0; i < 20; i += 1) await submit(idleApp, p, citizen, i);
  const [row] = await withTenant(sql, p.tenantId, (tx) =>
    tx
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.tenantId, p.tenantId), eq(schema.outbox.topic, 'dossier.start')))
      .limit(1),
  );
  const input = (row!.payload as StartDossierPayload).input;
  const bareStart = async () => {
    const dossierId = randomUUID();
    await client.workflow.start(DOSSIER_WORKFLOW_TYPE, dossierWorkflowStart({ ...input, dossierId }, idleQueue));
  };
  let nextSubmission = 100;
  const submitLoop = (secs: number) =>
    closedLoop(clients, secs, async () => {
      await submit(idleApp, p, citizen, (nextSubmission += 1));
    });

  const submissionRounds = [];
  if (only !== 'actions') {
    const measure = cpuMeter({ temporalPort, postgresPids });
    log(`warm-up: bare starts and API submissions, ${clients} clients × ${Math.min(seconds, 3)} s each`);
    await closedLoop(clients, Math.min(seconds, 3), bareStart);
    await submitLoop(Math.min(seconds, 3));
    for (let round = 1; round <= rounds; round += 1) {
      log(`round ${round}/${rounds}: bare starts, API submissions, bare starts; ${clients} clients × ${seconds} s each`);
      const bare1 = await measure(() => closedLoop(clients, seconds, bareStart));
      const api = await measure(() => submitLoop(seconds));
      const bare2 = await measure(() => closedLoop(clients, seconds, bareStart));
      const bareRate = (bare1.perSecond + bare2.perSecond) / 2;
      const bareCpu = (bare1.cpuMsPerOp.total + bare2.cpuMsPerOp.total) / 2;
      submissionRounds.push({
        submissionsPerSecond: ms(api.perSecond),
        submissionFailures: api.failures,
        submissionP50Ms: ms(percentile(api.latencies, 50)),
        submissionP99Ms: ms(percentile(api.latencies, 99)),
        bareStartsPerSecond: [ms(bare1.perSecond), ms(bare2.perSecond)],
        ratio: Math.round((api.perSecond / bareRate) * 100) / 100,
        cpuMsPerSubmission: api.cpuMsPerOp,
        cpuMsPerBareStart: bare1.cpuMsPerOp,
        // Where CPU is the limit, submissions can at best run at bare starts × (bare CPU / submission CPU).
        cpuBoundRatioCeiling: Math.round((bareCpu / api.cpuMsPerOp.total) * 100) / 100,
        load: load(),
      });
      const last = submissionRounds.at(-1)!;
      log(`  ratio ${last.ratio}, API CPU ${last.cpuMsPerSubmission.api} ms per submission, load ${last.load}`);
    }
  }

  const actionRounds: Awaited<ReturnType<typeof actionRoundTrips>>[] = [];
  const worker = only === 'submissions' ? undefined : await spawnWorker(workQueue);
  const workApp = appFor(workQueue);
  const measureActions = cpuMeter({ temporalPort, workerPid: worker?.pid, postgresPids });
  const officers = {
    reception: await signIn(workApp, p.logins.reception),
    specialist: await signIn(workApp, p.logins.specialist),
    leader: await signIn(workApp, p.logins.leader),
    clerk: await signIn(workApp, p.logins.clerk),
  };
  const steps: [keyof typeof officers, string, Record<string, unknown>][] = [
    ['reception', 'accept', {}],
    ['specialist', 'forward', {}],
    ['leader', 'approve', { signed: true }],
    ['clerk', 'returnResult', { method: 'online' }],
  ];
  let nextDossier = 10_000;
  /** Each lane takes its dossiers through every step; the first Update may wait for the workflow to start. */
  async function actionRoundTrips(lanes: number, dossiers: number) {
    const ids: string[] = [];
    for (let i = 0; i < dossiers; i += 1) ids.push((await submit(workApp, p, citizen, (nextDossier += 1))).dossierId);
    // Let every workflow reach its first step, so the round measures actions, not starts.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const roundTrips: number[] = [];
    let refused = 0;
    const { cpuMsPerOp } = await measureActions(async () => {
      await Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          for (const id of ids.filter((_, i) => i % lanes === lane)) {
            for (const [who, action, body] of steps) {
              for (let tries = 0; ; tries += 1) {
                const t0 = performance.now();
                const r = await post(workApp, officers[who], `/api/tenants/${p.tenantId}/dossiers/${id}/actions/${action}`, body);
                await r.arrayBuffer();
                // Right after intake the workflow may not have registered its first step yet.
                if (r.status === 200) {
                  roundTrips.push(performance.now() - t0);
                  break;
                }
                if (tries > 50) {
                  refused += 1;
                  break;
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
              }
            }
          }
        }),
      );
      return { count: roundTrips.length };
    });
    return {
      lanes,
      actions: roundTrips.length,
      refused,
      p50Ms: ms(percentile(roundTrips, 50)),
      p99Ms: ms(percentile(roundTrips, 99)),
      cpuMsPerAction: cpuMsPerOp,
      load: load(),
    };
  }
  if (worker) {
    log(`warm-up: officer actions on ${Math.min(actionDossiers, 12)} dossiers, ${Math.max(...laneCounts)} at once`);
    await actionRoundTrips(Math.max(...laneCounts), Math.min(actionDossiers, 12));
    for (let round = 1; round <= rounds; round += 1) {
      for (const lanes of laneCounts) {
        log(`round ${round}/${rounds}: officer actions, ${lanes} officer(s) at once on ${actionDossiers} dossiers`);
        const run = await actionRoundTrips(lanes, actionDossiers);
        actionRounds.push(run);
        log(`  p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, API CPU ${run.cpuMsPerAction.api} ms per action, load ${run.load}`);
      }
    }
    const stopped = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await stopped;
  }

  const over = <T>(rows: T[], pick: (row: T) => number) => (rows.length ? spread(rows.map(pick)) : null);
  const result = {
    submissions: {
      ratioTarget: 0.55,
      cpuMsPerSubmissionApiTarget: 1.5,
      ratio: over(submissionRounds, (r) => r.ratio),
      submissionsPerSecond: over(submissionRounds, (r) => r.submissionsPerSecond),
      submissionP99Ms: over(submissionRounds, (r) => r.submissionP99Ms),
      cpuMsPerSubmission: {
        api: over(submissionRounds, (r) => r.cpuMsPerSubmission.api),
        temporal: over(submissionRounds, (r) => r.cpuMsPerSubmission.temporal),
        postgres: over(submissionRounds, (r) => r.cpuMsPerSubmission.postgres),
      },
      cpuMsPerBareStart: {
        api: over(submissionRounds, (r) => r.cpuMsPerBareStart.api),
        temporal: over(submissionRounds, (r) => r.cpuMsPerBareStart.temporal),
        postgres: over(submissionRounds, (r) => r.cpuMsPerBareStart.postgres),
      },
      cpuBoundRatioCeiling: over(submissionRounds, (r) => r.cpuBoundRatioCeiling),
      rounds: submissionRounds,
    },
    actions: {
      p99TargetMs: 150,
      cpuMsPerActionApiTarget: 5,
      byLanes: laneCounts.map((lanes) => {
        const runs = actionRounds.filter((r) => r.lanes === lanes);
        return {
          lanes,
          p50Ms: over(runs, (r) => r.p50Ms),
          p99Ms: over(runs, (r) => r.p99Ms),
          cpuMsPerAction: {
            api: over(runs, (r) => r.cpuMsPerAction.api),
            worker: over(runs, (r) => r.cpuMsPerAction.worker),
            temporal: over(runs, (r) => r.cpuMsPerAction.temporal),
            postgres: over(runs, (r) => r.cpuMsPerAction.postgres),
          },
          refused: runs.reduce((sum, r) => sum + r.refused, 0),
        };
      }),
      rounds: actionRounds,
    },
    clients,
    seconds,
    rounds,
  };
  console.log(JSON.stringify(result, null, 2));
  const fmt = (s: { median: number; min: number; max: number } | null) => (s ? `${s.median} (${s.min}–${s.max})` : 'not run');
  const sub = result.submissions;
  log(`medians (min–max) over ${rounds} rounds; load average now ${load()}`);
  if (submissionRounds.length) {
    log(
      `submissions ${fmt(sub.submissionsPerSecond)}/s, ratio to bare starts ${fmt(sub.ratio)} (target ≥ ${sub.ratioTarget}); CPU-bound ceiling ${fmt(sub.cpuBoundRatioCeiling)}`,
    );
    log(
      `CPU ms per submission: API ${fmt(sub.cpuMsPerSubmission.api)} (target ≤ 1.5), Temporal ${fmt(sub.cpuMsPerSubmission.temporal)}, PostgreSQL ${fmt(sub.cpuMsPerSubmission.postgres)}`,
    );
  }
  for (const run of result.actions.byLanes) {
    if (!run.p99Ms) continue;
    log(`officer actions, ${run.lanes} at once: p50 ${fmt(run.p50Ms)} ms, p99 ${fmt(run.p99Ms)} ms (target < 150)`);
    log(
      `  CPU ms per action: API ${fmt(run.cpuMsPerAction.api)} (target ≤ 5), worker ${fmt(run.cpuMsPerAction.worker)}, Temporal ${fmt(run.cpuMsPerAction.temporal)}, PostgreSQL ${fmt(run.cpuMsPerAction.postgres)}`,
    );
  }
  await Promise.allSettled([temporal.close(), sql.end({ timeout: 2 })]);
  await devServer?.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `bench:dossiers: ${error.message}` : error);
  process.exit(1);
});
