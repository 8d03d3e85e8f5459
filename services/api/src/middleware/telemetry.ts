import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Histogram, type Registry } from 'prom-client';
import type { AppEnv } from '../app-env.js';

const tracer = trace.getTracer('@gov/api');
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** OpenTelemetry's default bucket boundaries for `http.server.request.duration`, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * One SERVER span and one histogram observation per request, both named by the route pattern
 * that answered (`/api/tenants/:tenantId/dossiers/:dossierId`), never by the raw path: raw paths
 * would make a series per dossier and carry lookup tokens. A request no route matched is counted
 * under the catch-all pattern that answered it. Every request starts a new trace: the public
 * listener does not let callers choose trace ids or sampling.
 */
export function telemetry(registry: Registry | undefined): MiddlewareHandler<AppEnv> {
  const existing = registry?.getSingleMetric('http_server_request_duration_seconds');
  const duration = existing
    ? (existing as Histogram)
    : registry &&
      new Histogram({
        name: 'http_server_request_duration_seconds',
        help: 'Duration of HTTP server requests, by method, route pattern and status',
        labelNames: ['http_request_method', 'http_route', 'http_response_status_code'],
        buckets: BUCKETS,
        registers: [registry],
      });
  return async (c, next) => {
    const method = KNOWN_METHODS.has(c.req.method) ? c.req.method : '_OTHER';
    const started = performance.now();
    await tracer.startActiveSpan(method, { kind: SpanKind.SERVER, root: true, attributes: { 'http.request.method': method } }, async (span) => {
      try {
        await next();
      } finally {
        const route = routePath(c);
        const status = c.res.status;
        span.updateName(`${method} ${route}`);
        span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        duration?.observe({ http_request_method: method, http_route: route, http_response_status_code: status }, (performance.now() - started) / 1000);
      }
    });
  };
}
