import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError } from '@gov/runtime';
import { startLoad } from './load.js';
import type { MemorySample } from './memory.js';
import { Recorder } from './recorder.js';
import { memoryTable, operationsTable, storesLines, verdict, type ProcessMemory } from './report.js';
import { storeFigures, type StoreFigures } from './stores.js';
import { attachToStartCluster, startSoakCluster, type SoakTarget } from './target.js';

const log = (line: string) => console.log(`[soak] ${line}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SAMPLE_EVERY_MS = 30_000;
const MB = 1024 * 1024;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function options() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      clients: { type: 'string', default: '4' },
      'warm-up': { type: 'string' },
      attach: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
    },
  });
  const minutes = Number(values.minutes);
  const clients = Number(values.clients);
  // A fifth of the run, at most two minutes: long enough for the JIT, the pools and each worker's
  // workflow cache to fill (docs/operations/capacity-per-dossier.md), short enough to leave a run.
  const warmUpSeconds = values['warm-up'] === undefined ? Math.min(120, (minutes * 60) / 5) : Number(values['warm-up']);
  if (!(minutes > 0 && minutes <= 24 * 60)) throw new ConfigError('--minutes must be more than 0 and at most 1440');
  if (!(Number.isInteger(clients) && clients >= 1 && clients <= 64)) throw new ConfigError('--clients must be a whole number from 1 to 64');
  if (!(warmUpSeconds >= 0 && warmUpSeconds < minutes * 60)) throw new ConfigError('--warm-up must be seconds, shorter than the run');
  return { minutes, clients, warmUpSeconds, attach: values.attach, keep: values.keep, seed: Number(values.seed) };
}

async function sampleAll(target: SoakTarget): Promise<(MemorySample | undefined)[]> {
  return Promise.all(target.processes.map((p) => p.sample().catch(() => undefined)));
}

/**
 * `npm run soak -- --minutes N [--clients C]`: mixed load against the cluster topology for N
 * minutes (submissions online and at the counter, officers' inboxes and actions, citizens' status
 * lookups, a leader's unit report), then every operation's errors, p50 and p99, and each
 * process's memory from the end of the warm-up to the end. Exit 1 when a request failed or a
 * process's resident memory grew by more than 10 %. Starts its own cluster on free ports and its
 * own databases, or with `--attach` drives a running `npm run start:cluster`.
 */
async function main() {
  const o = options();
  const target = o.attach ? attachToStartCluster() : await startSoakCluster({ keep: o.keep, log });
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= target.close());
  process.once('SIGINT', () => void close().then(() => process.exit(130)));
  try {
    const recorder = new Recorder();
    const loadAtStart = load();
    log(
      `${o.minutes} min of load (${o.warmUpSeconds} s warm-up), ${o.clients} clients against ${target.url}${target.logFile ? `; process output in ${target.logFile}` : ''}`,
    );
    const started = Date.now();
    const ends = started + o.minutes * 60_000;
    const warmUpEnds = started + o.warmUpSeconds * 1000;
    const running = await startLoad({ url: target.url, clients: o.clients, recorder, seed: o.seed });

    const progress = (samples: (MemorySample | undefined)[]) => {
      const { warmUp, measured } = recorder.requests();
      const errors = recorder.errors().reduce((n, e) => n + e.count, 0);
      const memory = target.processes
        .map((p, i) => {
          const s = samples[i];
          if (!s) return `${p.name} —`;
          const details = [
            ...(s.heapUsedBytes === undefined ? [] : [`heap ${(s.heapUsedBytes / MB).toFixed(0)} MB`]),
            ...(s.cachedWorkflows === undefined ? [] : [`${s.cachedWorkflows} cached`]),
          ];
          return `${p.name} ${(s.rssBytes / MB).toFixed(0)} MB${details.length ? ` (${details.join(', ')})` : ''}`;
        })
        .join(', ');
      log(`${((Date.now() - started) / 60_000).toFixed(1)} min: ${warmUp + measured} requests, ${errors} errors; resident ${memory}`);
    };

    // A sample every half minute from the start, so the warm-up's growth shows too; the one at
    // the end of the warm-up is what the end is compared with.
    let measuring: { memory: (MemorySample | undefined)[]; stores: StoreFigures } | undefined;
    while (Date.now() < ends) {
      const warm = Date.now() >= warmUpEnds;
      await pause(Math.max(0, Math.min(ends, warm ? Infinity : warmUpEnds, Date.now() + SAMPLE_EVERY_MS) - Date.now()));
      if (!measuring && Date.now() >= warmUpEnds) {
        recorder.startMeasuring();
        measuring = { memory: await sampleAll(target), stores: await storeFigures(target.admin, target.databases) };
        progress(measuring.memory);
        log('warm-up over: measuring from here');
      } else if (Date.now() < ends) progress(await sampleAll(target));
    }
    if (!measuring) throw new Error('the run ended before its warm-up');
    const { memory: memoryStart, stores: storesStart } = measuring;
    await running.stop();
    const memoryEnd = await sampleAll(target);
    const storesEnd = await storeFigures(target.admin, target.databases);
    progress(memoryEnd);

    const figures = recorder.figures();
    const processes: ProcessMemory[] = target.processes.map((p, i) => ({ name: p.name, start: memoryStart[i], end: memoryEnd[i] }));
    const errors = recorder.errors();
    const result = verdict({
      errors: errors.reduce((n, e) => n + e.count, 0),
      processes,
      inboxP99Ms: figures.find((f) => f.operation === 'inbox')?.p99Ms,
    });
    console.log(`
Soak: ${o.minutes} min, ${o.warmUpSeconds} s of it warm-up, ${o.clients} clients; ${recorder.requests().measured.toLocaleString('en-US')} requests measured after the warm-up.
Load average (1, 5, 15 min): ${loadAtStart} at the start, ${load()} at the end.

${operationsTable(figures)}

Memory, end of warm-up → end (RSS; V8 heap in use, which moves with each collection):
${memoryTable(processes)}

${storesLines(storesStart, storesEnd, target.databases)}
${errors.length ? `\nErrors:\n${errors.map((e) => `  ${e.operation}${e.warmUp ? ' (warm-up)' : ''}: ${e.kind} ×${e.count}, e.g. ${e.sample}`).join('\n')}\n` : ''}
${result.lines.join('\n')}
${result.passed ? 'PASSED' : 'FAILED'}`);
    process.exitCode = result.passed ? 0 : 1;
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `soak: ${error.message}` : error);
  process.exit(1);
});
