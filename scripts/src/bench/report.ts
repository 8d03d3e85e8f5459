import { type LoopResult, percentile } from './closed-loop.js';

/** Targets: the tenant path keeps four fifths of the throughput, and stays interactive. */
export const TARGET_RATIO = 0.8;
export const TARGET_P99_MS = 20;

export interface Measured {
  label: string;
  result: LoopResult;
}

const rps = (r: LoopResult) => r.requests / r.seconds;
const ms = (x: number) => x.toFixed(2).padStart(8);

/**
 * The table printed on stdout. The first row is the baseline, the second the tenant path; the
 * verdict lines are what a reader of the benchmark wants to know.
 */
export function report(rows: readonly [baseline: Measured, tenant: Measured]): string {
  const [baseline, tenant] = rows;
  const width = Math.max(...rows.map((r) => r.label.length));
  const lines = [
    `${'variant'.padEnd(width)}  requests/s    p50 ms    p99 ms`,
    ...rows.map(
      ({ label, result }) =>
        `${label.padEnd(width)}  ${Math.round(rps(result)).toLocaleString('en-US').padStart(10)}  ${ms(percentile(result.latencies, 50))}  ${ms(percentile(result.latencies, 99))}`,
    ),
  ];
  const ratio = rps(tenant.result) / rps(baseline.result);
  const p99 = percentile(tenant.result.latencies, 99);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  lines.push(
    '',
    `ratio (tenant path / baseline requests/s): ${ratio.toFixed(2)}   target ≥ ${TARGET_RATIO}: ${verdict(ratio >= TARGET_RATIO)}`,
    `p99 of the tenant path: ${p99.toFixed(2)} ms   target < ${TARGET_P99_MS} ms: ${verdict(p99 < TARGET_P99_MS)}`,
  );
  return lines.join('\n');
}
