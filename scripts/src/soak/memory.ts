import { readFileSync } from 'node:fs';

/** One process's memory at one moment, as its own /metrics (or /proc) reports it. */
export interface MemorySample {
  rssBytes: number;
  /** V8's live heap; absent for a process that is not Node (the Temporal server). */
  heapUsedBytes?: number;
  /** Workflows held in a worker's sticky cache (Temporal's runtime gauge); absent elsewhere. */
  cachedWorkflows?: number;
}

/**
 * The sum of every sample of `name` in Prometheus text (a gauge may come once per label set,
 * e.g. the heap per V8 space, or the cache once per worker); undefined when it is not there.
 */
export function promValue(text: string, name: string): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue; // another metric whose name starts the same
    const afterLabels = rest[0] === '{' ? rest.slice(rest.lastIndexOf('}') + 1) : rest;
    const value = Number(afterLabels.trim().split(' ')[0]);
    if (Number.isFinite(value)) sum = (sum ?? 0) + value;
  }
  return sum;
}

/** An API's or worker's memory from its operations listener (prom-client's default metrics, and Temporal's for a worker). */
export async function sampleMetrics(metricsUrl: string): Promise<MemorySample> {
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  const text = await response.text();
  const rssBytes = promValue(text, 'process_resident_memory_bytes');
  if (rssBytes === undefined) throw new Error(`${metricsUrl} has no process_resident_memory_bytes`);
  return { rssBytes, heapUsedBytes: promValue(text, 'nodejs_heap_size_used_bytes'), cachedWorkflows: promValue(text, 'temporal_sticky_cache_size') };
}

/** Resident memory of a local process from /proc (Linux), for a process without a metrics listener of ours. */
export function sampleProc(pid: number): MemorySample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`/proc/${pid}/status has no VmRSS`);
  return { rssBytes: Number(kb) * 1024 };
}

/** Growth from `before` to `after` in percent. */
export const growthPercent = (before: number, after: number) => ((after - before) / before) * 100;

/**
 * Each process's highest sample in the first and in the last third of the measured samples (at
 * least one sample each). A Node process's RSS swings by a third with its collections, so two
 * single samples compare the moments of two collections; a leak raises the peaks, which this
 * compares. Undefined where a process could not be read in a whole window.
 */
export function windowPeaks(samples: (MemorySample | undefined)[][], processes: number): { start?: MemorySample; end?: MemorySample }[] {
  const size = Math.max(1, Math.floor(samples.length / 3));
  const peak = (window: (MemorySample | undefined)[][], i: number) =>
    window
      .map((set) => set[i])
      .filter((s): s is MemorySample => s !== undefined)
      .reduce<MemorySample | undefined>((top, s) => (top === undefined || s.rssBytes > top.rssBytes ? s : top), undefined);
  return Array.from({ length: processes }, (_, i) => ({ start: peak(samples.slice(0, size), i), end: peak(samples.slice(-size), i) }));
}
