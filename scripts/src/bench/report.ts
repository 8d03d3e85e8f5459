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
 * The table printed on stdout. The first row is the baseline, the second the tenant path, the
 * third (if measured) the tenant path's transaction without row-level security; the verdict lines
 * are what a reader of the benchmark wants to know, and the third row says which part of the gap
 * is the transaction and which the policies.
 */
export function report(rows: readonly [baseline: Measured, tenant: Measured, transactionOnly?: Measured]): string {
  const [baseline, tenant, transactionOnly] = rows;
  const measured = rows.filter((row): row is Measured => row !== undefined);
  const width = Math.max(...measured.map((r) => r.label.length));
  const lines = [
    `${'variant'.padEnd(width)}  requests/s    p50 ms    p99 ms`,
    ...measured.map(
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
  if (transactionOnly) {
    const ofBaseline = rps(transactionOnly.result) / rps(baseline.result);
    lines.push(
      `the transaction alone (begin, setting, the SELECT, commit; no RLS) keeps ${ofBaseline.toFixed(2)} of the baseline; ` +
        `row-level security then keeps ${(rps(tenant.result) / rps(transactionOnly.result)).toFixed(2)} of that`,
    );
  }
  return lines.join('\n');
}
