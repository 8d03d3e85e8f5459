import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, createTemporalConnection } from '@gov/api';
import { FileStore } from '@gov/core';
import { SigningKeys } from '@gov/documents';
import { DOSSIER_WORKFLOW_TYPE, dossierWorkflowStart, type StartDossierPayload } from '@gov/domain/contract';
import { createDb, schema, withTenant } from '@gov/db';
import { ConfigError, createLogger, databaseUrls } from '@gov/runtime';
import { bundleWorkflows, createWorker } from '@gov/workflows';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { and, eq } from 'drizzle-orm';
import { readScriptsEnv } from '../env.js';
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

/**
 * `npm run bench:dossiers`: submissions per second end to end (in-process API → PostgreSQL →
 * workflow started) against the bare start rate of the same Temporal server, measured before and
 * after in the same run; then the officer action round trip (Update through the API). Needs the
 * database and Temporal running (`npm start`). Reports; never fails on the figures.
 */
async function main() {
  const { values } = parseArgs({
    options: { seconds: { type: 'string' }, clients: { type: 'string' }, dossiers: { type: 'string' }, units: { type: 'string' }, lanes: { type: 'string' } },
  });
  const seconds = Number(values.seconds ?? 10);
  const clients = Number(values.clients ?? 16);
  const actionDossiers = Number(values.dossiers ?? 50);
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
  const files = new FileStore(join(tmpdir(), 'gov-one-stop-bench-files'));
  const archiveFiles = new FileStore(join(tmpdir(), 'gov-one-stop-bench-archive'));
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

  // Warm up, and take a real start payload so bare starts carry the same input as intake's.
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

  const measure = cpuMeter(Number(env.TEMPORAL_ADDRESS.split(':').pop()));
  log(`bare workflow starts: ${clients} clients × ${seconds} s`);
  const bare1 = await measure(() => closedLoop(clients, seconds, bareStart));
  log(`API submissions: ${clients} clients × ${seconds} s`);
  const api = await measure(() =>
    closedLoop(clients, seconds, async (i) => {
      await submit(idleApp, p, citizen, i + 100);
    }),
  );
  log('bare workflow starts again');
  const bare2 = await measure(() => closedLoop(clients, seconds, bareStart));
  const bareRate = (bare1.perSecond + bare2.perSecond) / 2;

  log(`officer actions on ${actionDossiers} dossiers (worker running)`);
  const native = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection: native,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: workQueue,
    bundle: await bundleWorkflows(),
    db,
    sql,
    stores: { live: files, archive: archiveFiles },
  });
  const running = worker.run();
  const workApp = appFor(workQueue);
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
  /** Each lane takes its dossiers through every step; the first Update may wait for the workflow to start. */
  async function actionRoundTrips(lanes: number) {
    const ids: string[] = [];
    for (let i = 0; i < actionDossiers; i += 1) ids.push((await submit(workApp, p, citizen, ids.length + 10_000 + lanes * 1_000)).dossierId);
    const roundTrips: number[] = [];
    let refused = 0;
    const { cpuMsPerOp } = await measure(async () => {
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
    const ms = (x: number) => Math.round(x * 10) / 10;
    return {
      lanes,
      actions: roundTrips.length,
      refused,
      p50Ms: ms(percentile(roundTrips, 50)),
      p99Ms: ms(percentile(roundTrips, 99)),
      cpuMsPerAction: cpuMsPerOp,
    };
  }
  const actionRuns = [];
  for (const lanes of laneCounts) {
    log(`officer actions: ${lanes} officer(s) at once on ${actionDossiers} dossiers`);
    actionRuns.push(await actionRoundTrips(lanes));
  }
  worker.shutdown();
  await running;

  const ms = (x: number) => Math.round(x * 10) / 10;
  const result = {
    submissionsPerSecond: ms(api.perSecond),
    submissionFailures: api.failures,
    submissionP50Ms: ms(percentile(api.latencies, 50)),
    submissionP99Ms: ms(percentile(api.latencies, 99)),
    bareStartsPerSecond: ms(bareRate),
    bareRuns: [ms(bare1.perSecond), ms(bare2.perSecond)],
    ratio: Math.round((api.perSecond / bareRate) * 100) / 100,
    ratioTarget: 0.8,
    cpuMsPerSubmission: api.cpuMsPerOp,
    cpuMsPerBareStart: bare1.cpuMsPerOp,
    // Where CPU is the limit, submissions can at best run at bare starts × (bare CPU / submission CPU).
    cpuBoundRatioCeiling: Math.round((bare1.cpuMsPerOp.total / api.cpuMsPerOp.total) * 100) / 100,
    // The same bound if the API cost nothing: what Temporal and PostgreSQL alone leave room for.
    cpuBoundRatioCeilingWithoutApi: Math.round((bare1.cpuMsPerOp.total / (api.cpuMsPerOp.temporal + api.cpuMsPerOp.postgres)) * 100) / 100,
    actions: actionRuns,
    actionP99TargetMs: 150,
    clients,
    seconds,
  };
  console.log(JSON.stringify(result, null, 2));
  log(`submissions ${result.submissionsPerSecond}/s vs bare starts ${result.bareStartsPerSecond}/s → ratio ${result.ratio} (target ≥ 0.8)`);
  log(`on shared CPU the ratio can reach at most ${result.cpuBoundRatioCeiling} (${result.cpuBoundRatioCeilingWithoutApi} if the API cost nothing)`);
  for (const run of actionRuns) log(`officer action round trip, ${run.lanes} at once: p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms (target p99 < 150 ms)`);
  await Promise.allSettled([native.close(), temporal.close(), sql.end({ timeout: 2 })]);
  await devServer?.stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `bench:dossiers: ${error.message}` : error);
  process.exit(1);
});
