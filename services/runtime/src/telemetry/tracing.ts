import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, NoopSpanProcessor, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TelemetryEnv } from './telemetry-env.js';

/** What the worker hands to Temporal's workflow span sink: spans made in the sandbox leave through it. */
export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  shutdown(): Promise<void>;
}

export interface StartTracingArgs {
  env: TelemetryEnv;
  /** The deployable's own name, used when OTEL_SERVICE_NAME is not set. */
  defaultServiceName: string;
  /** Extra processors (tests add an in-memory exporter here). */
  spanProcessors?: SpanProcessor[];
}

function exporterProcessor(env: TelemetryEnv): SpanProcessor | null {
  switch (env.OTEL_TRACES_EXPORTER) {
    case 'none':
      return null;
    case 'console':
      return new SimpleSpanProcessor(new ConsoleSpanExporter());
    case 'otlp':
      // The URL is passed explicitly so the exporter does not go back to process.env for it.
      return new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL('v1/traces', withSlash(env.OTEL_EXPORTER_OTLP_ENDPOINT)).toString() }));
  }
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/**
 * SDK wiring, done once at a deployable's start (the code itself uses only the OpenTelemetry API).
 * With no exporter and no extra processor nothing is registered: the API's spans are no-ops and
 * nothing is propagated, which is what "off" means.
 */
export function startTracing({ env, defaultServiceName, spanProcessors = [] }: StartTracingArgs): Tracing {
  const resource = new Resource({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? defaultServiceName });
  const exporter = exporterProcessor(env);
  const processors = exporter ? [exporter, ...spanProcessors] : spanProcessors;
  if (processors.length === 0) {
    return { resource, spanProcessor: new NoopSpanProcessor(), shutdown: () => Promise.resolve() };
  }
  const provider = new NodeTracerProvider({ resource, spanProcessors: processors });
  // Registers the W3C trace-context propagator and the AsyncLocalStorage context manager too.
  provider.register();
  return { resource, spanProcessor: provider.getActiveSpanProcessor(), shutdown: () => provider.shutdown() };
}
