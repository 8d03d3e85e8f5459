import { execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '@gov/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { COMPILED_ENTRIES, WORKFLOW_BUNDLE_OUT, type CompiledEntry } from './entries.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const out = (entry: CompiledEntry) => join(ROOT, COMPILED_ENTRIES[entry].out);

// The real build of the deployables (not the web app, which Vite builds and the journeys test).
beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/src/build/compile.ts')], { cwd: ROOT });
}, 300_000);

/** A compiled entry point as production runs it: plain node, no loader, only the given environment. */
function run(entry: CompiledEntry, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--enable-source-maps', out(entry)], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/**
 * The compiled processes get a database of their own, made by the compiled `setup`: a worker's
 * outbox relay on the shared test database would claim other test files' rows and start their
 * workflows on its own task queue, and its shutdown would then wait on their activities.
 */
const databaseName = `gov_compiled_${randomUUID().slice(0, 8)}`;
const databaseUrl = (() => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${databaseName}`;
  return url.toString();
})();
const maintenanceUrl = (() => {
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = '/postgres';
  return url.toString();
})();

afterAll(async () => {
  const sql = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists "${databaseName}" with (force)`).finally(() => sql.end());
});

type Running = ReturnType<typeof run>;

/** `promise`, or a failure naming what did not happen in time with every process's output so far. */
async function within<T>(ms: number, what: string, promise: Promise<T>, processes: Record<string, Running>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const outputs = Object.entries(processes).map(([name, p]) => `--- ${name} (exit ${p.child.exitCode}):\n${p.output()}`);
      reject(new Error(`${what} did not happen within ${ms / 1000} s\n${outputs.join('\n')}`));
    }, ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Start-up takes seconds, or a minute and more on a machine as loaded as a shared CI runner. */
async function waitFor200(url: string, process: Running) {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline && process.child.exitCode === null) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never answered 200: ${process.output()}`);
}

describe('npm run build', () => {
  it('compiles every deployable to one ES module with the workspace packages inside and no TypeScript loader', async () => {
    for (const entry of Object.keys(COMPILED_ENTRIES) as CompiledEntry[]) {
      const code = await readFile(out(entry), 'utf8');
      expect(code, entry).not.toMatch(/(?:from|import)\s*\(?\s*["'](?:@gov\/|tsx)/);
    }
    expect((await readFile(join(ROOT, WORKFLOW_BUNDLE_OUT), 'utf8')).length).toBeGreaterThan(100_000);
  });

  it('sets a new database up and runs the compiled worker (with the prebuilt workflow bundle) and API on it with plain node', async () => {
    // Certificates are not what this checks, and 34 key pairs cost a loaded machine a minute.
    const setup = run('setup', { DATABASE_URL: databaseUrl, DATABASE_ADMIN_URL: maintenanceUrl, PDF_SIGNING_LOCAL_CA: 'false' });
    expect(await within(150_000, 'the compiled setup', setup.exited, { setup }), setup.output()).toBe(0);
    expect(setup.output()).toContain(`database ${databaseName} ready: 34 provinces, 3320 commune-level units`);

    const taskQueue = `compiled-${randomUUID()}`;
    const [workerPort, temporalMetricsPort, apiPort, apiMetricsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const common = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: inject('temporalNamespace'),
      TEMPORAL_TASK_QUEUE: taskQueue,
    };
    const worker = run('worker', { ...common, WORKER_HTTP_PORT: String(workerPort), TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${temporalMetricsPort}` });
    const api = run('api', {
      ...common,
      API_PORT: String(apiPort),
      API_METRICS_PORT: String(apiMetricsPort),
      SECOND_FACTOR_KEY: randomBytes(32).toString('hex'),
    });
    const processes = { worker, api };
    try {
      await waitFor200(`http://127.0.0.1:${workerPort}/readyz`, worker);
      await waitFor200(`http://127.0.0.1:${apiPort}/readyz`, api);
      expect((await fetch(`http://127.0.0.1:${apiPort}/api/openapi.json`)).status).toBe(200);
      // A workflow through the compiled worker: it runs the code bundled at build time.
      const connection = await Connection.connect({ address: inject('temporalAddress') });
      try {
        const client = new Client({ connection, namespace: inject('temporalNamespace') });
        const workflowId = `compiled-probe-${randomUUID()}`;
        const probe = client.workflow.execute('platformProbeWorkflow', { workflowId, taskQueue, args: [{ message: 'bản dựng' }] });
        expect(await within(60_000, 'the probe workflow through the compiled worker', probe, processes)).toBe(workflowId);
      } finally {
        await connection.close();
      }
    } finally {
      worker.child.kill('SIGTERM');
      api.child.kill('SIGTERM');
    }
    expect(await within(60_000, 'the API stopping on SIGTERM', api.exited, processes)).toBe(0);
    expect(await within(60_000, 'the worker stopping on SIGTERM', worker.exited, processes)).toBe(0);
  }, 660_000);

  it('runs the compiled stand-ins', async () => {
    const controlPort = String(await freePort());
    const env: Record<string, string> = {
      STAND_IN_SMTP_PORT: String(await freePort()),
      STAND_IN_SMS_PORT: String(await freePort()),
      STAND_IN_CONTROL_PORT: controlPort,
    };
    for (const name of ['STAND_IN_VNEID_PORT', 'STAND_IN_ZNS_PORT', 'STAND_IN_PORTAL_PORT', 'STAND_IN_PAYMENT_PORT', 'STAND_IN_EINVOICE_PORT']) env[name] = '0';
    const standIns = run('standIns', env);
    try {
      await waitFor200(`http://127.0.0.1:${controlPort}/messages`, standIns);
    } finally {
      standIns.child.kill('SIGTERM');
    }
    await standIns.exited;
  }, 180_000);
});
