import { context, propagation, ROOT_CONTEXT, type Context } from '@opentelemetry/api';

/**
 * The W3C trace context of the request that wrote an outbox row, stored under the payload's
 * `trace` key, so the relay's delivery (and the workflow it starts) joins the same trace.
 */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

/** The active trace context as a carrier, or undefined when nothing is being traced. */
export function currentTraceCarrier(): TraceCarrier | undefined {
  const carrier: Partial<TraceCarrier> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { traceparent: carrier.traceparent, ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}) } : undefined;
}

/** A payload with the active trace context under `trace` (unchanged when nothing is traced). */
export function withTraceCarrier<P extends object>(payload: P): P & { trace?: TraceCarrier } {
  const trace = currentTraceCarrier();
  return trace ? { ...payload, trace } : payload;
}

/** The context a stored carrier describes; the root context when there is none. */
export function contextFromCarrier(payload: unknown): Context {
  const trace = typeof payload === 'object' && payload !== null ? (payload as { trace?: unknown }).trace : undefined;
  if (typeof trace !== 'object' || trace === null) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, trace);
}
