import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServer } from '@gov/db/setup';
import { ConfigError } from '@gov/runtime';
import { describe, expect, inject, it } from 'vitest';
import { locateTemporalCli } from './temporal/locate-cli.js';
import { freePort } from '@gov/testing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const API = join(ROOT, 'services/api/src/server.ts');
const WORKER = join(ROOT, 'workflows/src/worker.ts');

/** Runs a deployable as plain Node would (not through vitest's module loader). */
function run(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

describe('bad configuration stops start-up with a one-line cause', () => {
  it('a malformed DATABASE_URL', async () => {
    const api = run(API, { DATABASE_URL: 'not a url' });
    expect(await api.exited).toBe(1);
    expect(api.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^api: configuration error: DATABASE_URL: must be a URL like postgres:\/\//)]);
  });

  it('a malformed TEMPORAL_ADDRESS for the worker', async () => {
    const worker = run(WORKER, { TEMPORAL_ADDRESS: 'temporal' });
    expect(await worker.exited).toBe(1);
    expect(worker.stderr().trim()).toMatch(/^worker: configuration error: TEMPORAL_ADDRESS: must be host:port/);
  });

  it('an unreachable database server', async () => {
    const port = await freePort();
    const error = await ensureServer(`postgres://postgres@127.0.0.1:${port}/postgres`, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^PostgreSQL is not answering at 127.0.0.1:${port}.*set DATABASE_URL`));
  });

  it('an unknown database host', async () => {
    const error = await ensureServer('postgres://postgres@no-such-host.invalid:5432/postgres', () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/no-such-host\.invalid.*Check the host name/);
  });

  it('Go missing and no Temporal binary', async () => {
    const error = await locateTemporalCli({
      explicitPath: undefined,
      pathVar: '',
      cacheDir: mkdtempSync(join(tmpdir(), 'gov-cache-')),
      log: () => {},
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/Go is not installed.*TEMPORAL_CLI_PATH/);
  });

  it('a TEMPORAL_CLI_PATH that is not executable', async () => {
    const error = await locateTemporalCli({ explicitPath: '/nonexistent/temporal', pathVar: '', cacheDir: tmpdir(), log: () => {} }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/TEMPORAL_CLI_PATH=\/nonexistent\/temporal is not an executable/);
  });
});

describe('the API process', () => {
  it('serves /healthz green against the real services and stops cleanly on SIGTERM', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const api = run(API, {
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      API_PORT: String(port),
      API_METRICS_PORT: String(metricsPort),
      // Required, with no default: an API that could run without it would store factors under a known key.
      SECOND_FACTOR_KEY: randomBytes(32).toString('hex'),
    });
    let status = 0;
    const deadline = Date.now() + 20_000;
    while (status !== 200 && Date.now() < deadline && api.child.exitCode === null) {
      status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/livez`)).status).toBe(200);
    // Metrics on the operations listener, with the route that was just called, never on the public port.
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toContain('http_server_request_duration_seconds_count{http_request_method="GET",http_route="/healthz",http_response_status_code="200"}');
    expect(metrics).toMatch(/db_client_connection_count\{state="used"\} [1-9]/);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).status).toBe(200);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  });
});
