import * as v from 'valibot';

/**
 * The standard OpenTelemetry variables, the subset we honour. Tracing is off unless
 * OTEL_TRACES_EXPORTER names an exporter, so a developer machine sends nothing anywhere.
 */
export const TelemetryEnv = v.object({
  OTEL_TRACES_EXPORTER: v.optional(v.picklist(['none', 'otlp', 'console'], 'must be none, otlp or console'), 'none'),
  /** The collector's base URL; traces go to `<endpoint>/v1/traces` (OTLP over HTTP, protobuf). */
  OTEL_EXPORTER_OTLP_ENDPOINT: v.optional(v.pipe(v.string(), v.url('must be a URL like http://otel-collector:4318')), 'http://127.0.0.1:4318'),
  /** Defaults to the deployable's own name (`gov-api`, `gov-worker`). */
  OTEL_SERVICE_NAME: v.optional(v.pipe(v.string(), v.minLength(1))),
});
export type TelemetryEnv = v.InferOutput<typeof TelemetryEnv>;

const Port = v.pipe(
  v.string(),
  v.transform(Number),
  v.integer('must be a whole number'),
  v.minValue(0, 'must be a TCP port (0–65535)'),
  v.maxValue(65535, 'must be a TCP port (0–65535)'),
);

/** A TCP port variable with a default; 0 asks the system for a free one (tests). */
export function portVariable(fallback: string) {
  return v.optional(Port, fallback);
}
