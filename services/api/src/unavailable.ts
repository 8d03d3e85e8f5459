import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** A socket that could not be opened or broke (Node), or a connection postgres.js lost or gave up on. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
/** PostgreSQL shutting down (57P01 fast, 57P02 immediate) or not yet accepting connections (57P03). */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03']);
/**
 * gRPC UNAVAILABLE, DEADLINE_EXCEEDED and CANCELLED: the Temporal server is gone, cannot reach its
 * own database, or did not answer before our deadline. A call given up at its deadline can come
 * back CANCELLED instead of DEADLINE_EXCEEDED (seen on a dossier's Query in a loaded test run);
 * the API cancels no call otherwise.
 */
const GRPC_CODES = new Set([14, 4, 1]);

function unavailableHere(error: object): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return GRPC_CODES.has(code);
  if (typeof code !== 'string') return false;
  return CONNECTION_CODES.has(code) || SERVER_STATES.has(code) || code.startsWith('08');
}

/**
 * True when `error` (or what it wraps: drizzle and the Temporal client put the driver's error in
 * `cause`) says PostgreSQL or the Temporal server could not be reached or dropped the connection,
 * not that the request or our code is wrong. The API answers those 503 with Retry-After instead
 * of an opaque 500: a transaction whose connection broke is rolled back, so the same request may
 * be sent again.
 */
export function dependencyUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (unavailableHere(error)) return true;
  const inner = [
    (error as { cause?: unknown }).cause,
    ...((error as { errors?: unknown }).errors instanceof Array ? (error as { errors: unknown[] }).errors : []),
  ];
  return inner.some((e) => dependencyUnavailable(e, depth + 1));
}
