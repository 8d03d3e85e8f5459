import { describe, expect, it } from 'vitest';
import { loopbackAddress } from './http.js';
import { promValue, windowPeaks } from './memory.js';
import { Recorder } from './recorder.js';
import { verdict } from './report.js';
import { warmUpOver } from './warm-up.js';

const MB = 1024 * 1024;

describe('the soak', () => {
  it('reads a gauge from Prometheus text, summing its label sets, and not a metric whose name only starts the same', () => {
    const text = [
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      'process_resident_memory_bytes 123456789',
      'process_resident_memory_bytes_max 999',
      'nodejs_heap_size_used_bytes 1000',
      'temporal_sticky_cache_size{namespace="gov-one-stop",service_name="temporal-core-sdk",task_queue="dossiers"} 250',
      'temporal_sticky_cache_size{namespace="gov-one-stop",service_name="temporal-core-sdk",task_queue="other"} 50 1700000000000',
    ].join('\n');
    expect(promValue(text, 'process_resident_memory_bytes')).toBe(123456789);
    expect(promValue(text, 'temporal_sticky_cache_size')).toBe(300);
    expect(promValue(text, 'nodejs_external_memory_bytes')).toBeUndefined();
  });

  it('spreads status lookups over the 65,534 addresses of 127.1.0.0/16 but its first and last', () => {
    expect(loopbackAddress(0)).toBe('127.1.0.1');
    expect(loopbackAddress(254)).toBe('127.1.0.255');
    expect(loopbackAddress(65_533)).toBe('127.1.255.254');
    expect(loopbackAddress(65_534)).toBe('127.1.0.1');
  });

  it('keeps warm-up latencies out of the percentiles but every error in the count', () => {
    const recorder = new Recorder();
    recorder.record('inbox', 500, { kind: 'HTTP 503', sample: '{}' });
    recorder.startMeasuring();
    for (let ms = 1; ms <= 100; ms += 1) recorder.record('inbox', ms);
    expect(recorder.figures()).toEqual([{ operation: 'inbox', count: 100, errors: 0, p50Ms: 50, p99Ms: 99 }]);
    expect(recorder.errors()).toEqual([{ operation: 'inbox', warmUp: true, kind: 'HTTP 503', count: 1, sample: '{}' }]);
  });

  it('fails on any error, on resident memory grown by more than 10 %, and on a process it could not read', () => {
    const flat = { name: 'worker-1', start: { rssBytes: 500 * MB }, end: { rssBytes: 549 * MB } };
    expect(verdict({ errors: 0, processes: [flat], inboxP99Ms: 40 }).passed).toBe(true);
    expect(verdict({ errors: 1, processes: [flat], inboxP99Ms: 40 }).passed).toBe(false);
    const grown = { name: 'worker-2', start: { rssBytes: 500 * MB }, end: { rssBytes: 551 * MB } };
    const failed = verdict({ errors: 0, processes: [flat, grown], inboxP99Ms: 40 });
    expect(failed.passed).toBe(false);
    expect(failed.lines[1]).toContain('worker-2 +10.2%');
    expect(verdict({ errors: 0, processes: [{ name: 'api-1', start: { rssBytes: MB }, end: undefined }], inboxP99Ms: 40 }).passed).toBe(false);
    // The inbox goal is reported, not enforced: it depends on what else the machine runs.
    expect(verdict({ errors: 0, processes: [flat], inboxP99Ms: 250 }).passed).toBe(true);
  });

  it("warms up for its minimum time, then until every worker's workflow cache stops growing, and at most its maximum", () => {
    const at = (elapsedSeconds: number, previous: (number | undefined)[], current: (number | undefined)[]) =>
      warmUpOver({ elapsedSeconds, minSeconds: 120, maxSeconds: 300, previous, current });
    expect(at(60, [500, 500], [500, 500])).toEqual({ over: false, cachesSettled: true });
    expect(at(150, [300, 480], [420, 500])).toEqual({ over: false, cachesSettled: false });
    expect(at(180, [498, 500], [500, 499])).toEqual({ over: true, cachesSettled: true });
    // A worker whose figures could not be read is not taken as settled.
    expect(at(180, [500, undefined], [500, 500]).over).toBe(false);
    expect(at(300, [300, 400], [400, 500])).toEqual({ over: true, cachesSettled: false });
  });

  it("compares each process's highest sample of the first third after the warm-up with that of the last", () => {
    const at = (...rss: (number | undefined)[]) => rss.map((mb) => (mb === undefined ? undefined : { rssBytes: mb * MB }));
    // A collection's sawtooth: the same peaks, low points anywhere.
    const sawtooth = [at(400, 900), at(250, 700), at(380, 950), at(300, 800), at(410, 700), at(260, 940)];
    const flat = windowPeaks(sawtooth, 2);
    expect(flat.map((p) => [p.start!.rssBytes / MB, p.end!.rssBytes / MB])).toEqual([
      [400, 410],
      [900, 940],
    ]);
    // A process unread through a whole window is reported unread (and fails the verdict).
    expect(windowPeaks([at(400), at(undefined), at(undefined)], 1)[0]!.end).toBeUndefined();
  });
});
