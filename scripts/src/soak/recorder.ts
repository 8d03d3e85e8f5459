import { percentile } from '../bench/closed-loop.js';

/** What the soak's clients do, each timed on its own. */
export const OPERATIONS = ['submit online', 'submit counter', 'inbox', 'dossier', 'action', 'status lookup', 'unit report'] as const;
export type Operation = (typeof OPERATIONS)[number];

interface Tally {
  latencies: number[];
  errors: number;
  /** `HTTP 409`, `network`… → how many; with one sample answer each, to say what went wrong. */
  kinds: Map<string, { count: number; sample: string }>;
}

const tally = (): Tally => ({ latencies: [], errors: 0, kinds: new Map() });

export interface OperationFigures {
  operation: Operation;
  count: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Every request's latency and outcome, by operation. Until `startMeasuring()` (the warm-up) only
 * errors are kept apart, so the percentiles describe the steady state while no error is ever lost.
 */
export class Recorder {
  private measuring = false;
  private readonly warmUp = new Map<Operation, Tally>();
  private readonly measured = new Map<Operation, Tally>();

  startMeasuring(): void {
    this.measuring = true;
  }

  record(operation: Operation, ms: number, failure?: { kind: string; sample: string }): void {
    const phase = this.measuring ? this.measured : this.warmUp;
    let t = phase.get(operation);
    if (!t) phase.set(operation, (t = tally()));
    t.latencies.push(ms);
    if (!failure) return;
    t.errors += 1;
    const kind = t.kinds.get(failure.kind);
    if (kind) kind.count += 1;
    else t.kinds.set(failure.kind, { count: 1, sample: failure.sample.slice(0, 300) });
  }

  /** Per operation after the warm-up: count, errors, p50, p99. */
  figures(): OperationFigures[] {
    return OPERATIONS.flatMap((operation) => {
      const t = this.measured.get(operation);
      if (!t) return [];
      const sorted = Float64Array.from(t.latencies).sort();
      return [{ operation, count: sorted.length, errors: t.errors, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) }];
    });
  }

  requests(): { warmUp: number; measured: number } {
    const sum = (m: Map<Operation, Tally>) => [...m.values()].reduce((n, t) => n + t.latencies.length, 0);
    return { warmUp: sum(this.warmUp), measured: sum(this.measured) };
  }

  /** Errors of the whole run, warm-up included, by operation and kind. */
  errors(): { operation: Operation; warmUp: boolean; kind: string; count: number; sample: string }[] {
    return [true, false].flatMap((warmUp) =>
      [...(warmUp ? this.warmUp : this.measured)].flatMap(([operation, t]) =>
        [...t.kinds].map(([kind, { count, sample }]) => ({ operation, warmUp, kind, count, sample })),
      ),
    );
  }
}
