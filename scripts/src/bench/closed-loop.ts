export interface LoopResult {
  requests: number;
  seconds: number;
  /** Latencies in milliseconds, sorted ascending. */
  latencies: Float64Array;
}

/**
 * A closed-loop load: `clients` concurrent callers, each sending its next request as soon as the
 * previous one answers, for `seconds`. Throughput is then what the system sustains at that
 * concurrency (an open loop at a fixed rate would measure queueing instead). Requests are
 * taken in order from `requests`, round robin, shared by all clients.
 */
export async function closedLoop<T>(args: {
  clients: number;
  seconds: number;
  requests: readonly T[];
  send: (request: T) => Promise<unknown>;
}): Promise<LoopResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + args.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const request = args.requests[next % args.requests.length] as T;
      next += 1;
      const t0 = performance.now();
      await args.send(request);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: args.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, seconds, latencies: Float64Array.from(latencies).sort() };
}

/** Nearest-rank percentile of sorted latencies. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

/** Longest single stretch of one variant; the rest of the time the other variants take turns. */
const ROUND_SECONDS = 3;

/**
 * Runs each variant for `seconds` in all, in alternating rounds of a few seconds (A B, B A, …)
 * rather than one long block each. On a shared 2-core machine the background load drifts (a
 * type-check or test run elsewhere halves throughput for a minute); interleaving exposes both
 * variants to the same drift, so their ratio stays meaningful even when absolute figures move.
 */
export async function interleaved<T>(args: {
  variants: readonly { send: (request: T) => Promise<unknown> }[];
  clients: number;
  seconds: number;
  requests: readonly T[];
}): Promise<LoopResult[]> {
  const rounds = Math.max(1, Math.ceil(args.seconds / ROUND_SECONDS));
  const parts: LoopResult[][] = args.variants.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    const order = args.variants.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const send = args.variants[i]?.send;
      if (!send) continue;
      parts[i]?.push(await closedLoop({ clients: args.clients, seconds: args.seconds / rounds, requests: args.requests, send }));
    }
  }
  return parts.map((results) => ({
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
    latencies: Float64Array.from(results.flatMap((r) => [...r.latencies])).sort(),
  }));
}
