import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { parseEnv } from './parse-env.js';
import { TelemetryEnv } from './telemetry/telemetry-env.js';
import { startTracing } from './telemetry/tracing.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts secrets and citizen identifiers wherever they sit', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', 'test', stream);
    logger.info({ password: 'hunter2', body: { citizenId: '001099012345', nested: { phone: '0912345678' } }, headers: { cookie: 's=abc' } }, 'login');
    const line = lines.join('');
    for (const secret of ['hunter2', '001099012345', '0912345678', 's=abc']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ service: 'test', password: '[redacted]', msg: 'login' });
  });
});

describe('createLogger with tracing', () => {
  it("puts the active span's trace and span ids on each line, and nothing outside a span", async () => {
    const tracing = startTracing({
      env: parseEnv(TelemetryEnv, {}),
      defaultServiceName: 'test',
      spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())],
    });
    const { lines, stream } = capture();
    const logger = createLogger('info', 'test', stream);
    const ids = trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info('inside');
      span.end();
      return span.spanContext();
    });
    logger.info('outside');
    await tracing.shutdown();
    const [inside, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).toMatchObject({ msg: 'inside', traceId: ids.traceId, spanId: ids.spanId });
    expect(outside).not.toHaveProperty('traceId');
  });
});

describe('TelemetryEnv', () => {
  it('is off by default and refuses an exporter it does not know', () => {
    expect(parseEnv(TelemetryEnv, {})).toEqual({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    expect(() => parseEnv(TelemetryEnv, { OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow('OTEL_TRACES_EXPORTER: must be none, otlp or console (got "jaeger")');
    expect(() => parseEnv(TelemetryEnv, { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(
      /^OTEL_EXPORTER_OTLP_ENDPOINT: must be a URL/,
    );
  });
});
