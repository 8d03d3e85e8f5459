import { randomUUID } from 'node:crypto';
import { createDb, schema, withTenant } from '@gov/db';
import { and, eq } from 'drizzle-orm';
import { createMetricsRegistry, parseEnv, poolApplicationName, registerPoolMetrics, startOpsServer, startTracing, TelemetryEnv } from '@gov/runtime';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp } from './app.js';
import { createTestDeps } from './test-deps.js';
import { dossierClient, eventually, onlineBody } from './testing/dossier-client.js';
import { startDossierRuntime } from './testing/dossier-runtime.js';
import { buildDossierWorld, PDF, type DossierWorld } from './testing/dossier-world.js';
import { signIn, type Session } from './testing/world.js';

// The SDK is wired before anything makes a span, as each deployable does at start; the exporter
// variables are left unset (off), and the test adds its in-memory exporter.
const exporter = new InMemorySpanExporter();
const tracing = startTracing({ env: parseEnv(TelemetryEnv, {}), defaultServiceName: 'gov-test', spanProcessors: [new SimpleSpanProcessor(exporter)] });
const taskQueue = `api-otel-${randomUUID()}`;
const { deps, close } = createTestDeps({ taskQueue, poolSize: 4 });
const metrics = createMetricsRegistry();
const app = createApp({ ...deps, metrics });
const client = dossierClient(app);
let w: DossierWorld;
let citizen: Session;
let runtime: Awaited<ReturnType<typeof startDossierRuntime>>;

beforeAll(async () => {
  w = await buildDossierWorld(deps, inject('ownerDatabaseUrl'));
  runtime = await startDossierRuntime({
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    namespace: inject('temporalNamespace'),
    taskQueue,
    tenantIds: () => [w.tenantId],
    tracing,
  });
  citizen = await signIn(app, w.logins.citizen);
});
afterAll(async () => {
  await runtime?.close();
  await close();
  await tracing.shutdown();
});

const traceOf = (span: ReadableSpan) => span.spanContext().traceId;

describe('tracing', () => {
  it('follows a submission from the HTTP request through the outbox into the workflow and its activities, in one trace', async () => {
    const response = await client.submit(citizen, w.tenantId, onlineBody(w, { fullName: `Trần Văn Vết ${randomUUID().slice(0, 4)}` }), {
      files: { don: { name: 'don.pdf', bytes: PDF } },
    });
    expect(response.status).toBe(201);
    const server = exporter
      .getFinishedSpans()
      .find((s) => s.name === 'POST /api/tenants/:tenantId/dossiers' && s.attributes['http.response.status_code'] === 201);
    expect(server).toBeDefined();
    const names = await eventually(
      () =>
        Promise.resolve(
          exporter
            .getFinishedSpans()
            .filter((s) => traceOf(s) === traceOf(server!))
            .map((s) => s.name),
        ),
      (n) =>
        [
          'process notification.dossier',
          'StartWorkflow:dossierWorkflow',
          'StartActivity:projectDossierTransition',
          'RunActivity:projectDossierTransition',
        ].every((x) => n.includes(x)),
    );
    // StartActivity is made inside the workflow sandbox (under its RunWorkflow span, which ends
    // only when the dossier closes) and leaves through the worker's sink: the workflow joined the trace.
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/tenants/:tenantId/dossiers',
        'process notification.dossier',
        'StartWorkflow:dossierWorkflow',
        'StartActivity:projectDossierTransition',
        'RunActivity:projectDossierTransition',
      ]),
    );
    // Nothing personal in any span: not the applicant's ID number or name (a province id, in
    // Temporal's workflow ids, is not personal).
    const dump = JSON.stringify(exporter.getFinishedSpans().map((s) => [s.name, s.attributes]));
    for (const secret of ['001090006789', 'Trần Văn Vết']) expect(dump).not.toContain(secret);
  });
});

describe('tracing through the relay', () => {
  it('continues the trace stored with a dossier.start row when the relay delivers it', async () => {
    const response = await client.submit(citizen, w.tenantId, onlineBody(w), { files: { don: { name: 'don.pdf', bytes: PDF } } });
    const { dossierId } = await client.json<{ dossierId: string }>(response);
    const o = schema.outbox;
    // The same start again (idempotent: the workflow exists), as a row the API never started,
    // written under a trace of its own.
    const traceId = randomUUID().replaceAll('-', '');
    await withTenant(deps.sql, w.tenantId, async (tx) => {
      const starts = await tx
        .select()
        .from(o)
        .where(and(eq(o.tenantId, w.tenantId), eq(o.topic, 'dossier.start')));
      const start = starts.find((r) => (r.payload as { input: { dossierId: string } }).input.dossierId === dossierId);
      expect((start!.payload as { trace?: { traceparent: string } }).trace?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      await tx.insert(o).values({
        tenantId: w.tenantId,
        topic: 'dossier.start',
        payload: { ...(start!.payload as object), trace: { traceparent: `00-${traceId}-${'1'.repeat(16)}-01` } },
        createdAt: new Date(Date.now() - 60_000),
      });
    });
    const names = await eventually(
      () =>
        Promise.resolve(
          exporter
            .getFinishedSpans()
            .filter((s) => s.spanContext().traceId === traceId)
            .map((s) => s.name),
        ),
      (n) => n.includes('process dossier.start') && n.includes('StartWorkflow:dossierWorkflow'),
    );
    expect(names).toEqual(expect.arrayContaining(['process dossier.start', 'StartWorkflow:dossierWorkflow']));
  });
});

describe('metrics', () => {
  it('are not served on the public listener', async () => {
    const response = await app.request('/metrics');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('http_server_request_duration_seconds');
  });

  it('times requests by route pattern, never by raw path', async () => {
    expect((await client.get(citizen, `/api/tenants/${w.tenantId}/dossiers/${randomUUID()}`)).status).toBe(404);
    const text = await metrics.metrics();
    expect(text).toMatch(
      /http_server_request_duration_seconds_count\{http_request_method="POST",http_route="\/api\/tenants\/:tenantId\/dossiers",http_response_status_code="201"\} [1-9]/,
    );
    expect(text).toMatch(
      /http_server_request_duration_seconds_bucket\{le="0\.005",http_request_method="GET",http_route="\/api\/tenants\/:tenantId\/dossiers\/:dossierId",http_response_status_code="404"\}/,
    );
    expect(text).not.toContain(w.tenantId);
  });

  it("reports the pool's connections by state and its size", async () => {
    const name = poolApplicationName('gov-test');
    const { sql } = createDb(inject('databaseUrl'), { max: 3, applicationName: name });
    const registry = createMetricsRegistry();
    registerPoolMetrics(registry, sql, name);
    try {
      // Hold one connection in a transaction while the scrape runs on another.
      const text = await sql.begin(async (tx) => {
        await tx`select 1`;
        return registry.metrics();
      });
      expect(text).toContain('db_client_connection_max 3');
      expect(text).toMatch(/db_client_connection_count\{state="used"\} 2/);
      expect(text).toMatch(/db_client_connection_count\{state="idle"\} 0/);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});

describe('operations listener', () => {
  it('answers /livez, /readyz (503 when a check fails) and /metrics on its own port', async () => {
    let databaseUp = true;
    const registry = createMetricsRegistry();
    const ops = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      registry,
      checks: { database: () => Promise.resolve(databaseUp), temporal: () => Promise.resolve(true) },
      extraMetrics: () => Promise.resolve('temporal_example_total 1\n'),
    });
    try {
      expect(await (await fetch(`${ops.url}/livez`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${ops.url}/readyz`);
      expect(ready.status).toBe(200);
      databaseUp = false;
      const down = await fetch(`${ops.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'unavailable', checks: { database: { ok: false }, temporal: { ok: true } } });
      const scrape = await fetch(`${ops.url}/metrics`);
      expect(scrape.headers.get('content-type')).toContain('text/plain');
      const text = await scrape.text();
      expect(text).toContain('nodejs_eventloop_lag_seconds');
      expect(text).toContain('temporal_example_total 1');
      expect((await fetch(`${ops.url}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await ops.close();
    }
  });
});
