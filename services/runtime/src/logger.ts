import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Secrets and personal identifiers are redacted by key wherever they appear
 * (two levels deep), so a careless `log.info({ body })` cannot leak a password or citizen ID.
 */
const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'token',
  'sessionToken',
  'authorization',
  'cookie',
  'set-cookie',
  'citizenId',
  'cccd',
  'idNumber',
  'phone',
  'DATABASE_URL',
  'DATABASE_OWNER_URL',
  'DATABASE_ADMIN_URL',
];

/** fast-redact paths for a key at the top level and one or two levels down. */
function redactPaths(key: string): string[] {
  const plain = /^\w+$/.test(key);
  const at = (prefix: string) => (plain ? `${prefix}${prefix ? '.' : ''}${key}` : `${prefix}["${key}"]`);
  return [at(''), at('*'), at('*.*')];
}

/** The active span's ids on every line written inside a traced request, workflow start or delivery. */
function traceIds(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : {};
}

export function createLogger(level: string, service: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service },
    mixin: traceIds,
    redact: { paths: SENSITIVE_KEYS.flatMap(redactPaths), censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
