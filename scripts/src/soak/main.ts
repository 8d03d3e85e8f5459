import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError } from '@gov/runtime';
import { startLoad } from './load.js';
import { windowPeaks, type MemorySample } from './memory.js';
import { Recorder } from './recorder.js';
import { memoryTable, operationsTable, storesLines, verdict, type ProcessMemory } from './report.js';
import { storeFigures, type StoreFigures } from './stores.js';
import { warmUpOver } from './warm-up.js';
import { attachToStartCluster, startSoakCluster, type SoakTarget } from './target.js';

const log = (line: string) => console.log(`[soak] ${line}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SAMPLE_EVERY_MS = 15_000;
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
  const fixedWarmUp = values['warm-up'] !== undefined;
  // By default the warm-up lasts at least a fifth of the run (at most two minutes: the JIT and the
  // pools) and then until every worker's workflow cache has stopped growing, at most half the run
  // (docs/operations/capacity-per-dossier.md). `--warm-up S` fixes it at S seconds.
  const minWarmUpSeconds = fixedWarmUp ? Number(values['warm-up']) : Math.min(120, (minutes * 60) / 5);
  const maxWarmUpSeconds = fixedWarmUp ? minWarmUpSeconds : (minutes * 60) / 2;
  if (!(minutes > 0 && minutes <= 24 * 60)) throw new ConfigError('--minutes must be more than 0 and at most 1440');
  if (!(Number.isInteger(clients) && clients >= 1 && clients <= 64)) throw new ConfigError('--clients must be a whole number from 1 to 64');
  if (!(minWarmUpSeconds >= 0 && minWarmUpSeconds < minutes * 60)) throw new ConfigError('--warm-up must be seconds, shorter than the run');
  return { minutes, clients, minWarmUpSeconds, maxWarmUpSeconds, attach: values.attach, keep: values.keep, seed: Number(values.seed) };
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
      `${o.minutes} min of load (warm-up ${o.minWarmUpSeconds === o.maxWarmUpSeconds ? `${o.minWarmUpSeconds} s` : `${o.minWarmUpSeconds}–${o.maxWarmUpSeconds} s, until the workflow caches stop growing`}), ${o.clients} clients against ${target.url}${target.logFile ? `; process output in ${target.logFile}` : ''}`,
    );
    const started = Date.now();
    const ends = started + o.minutes * 60_000;
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

    // A sample every 15 s from the start, so the warm-up's growth shows too; those from the end of
    // the warm-up on are compared, the peaks of the first third with those of the last (windowPeaks).
    const cachesOf = (samples: (MemorySample | undefined)[]) => target.processes.flatMap((p, i) => (p.kind === 'worker' ? [samples[i]?.cachedWorkflows] : []));
    let previousCaches: (number | undefined)[] = [];
    let measuring: { memory: (MemorySample | undefined)[][]; stores: StoreFigures; warmUpSeconds: number; cachesSettled: boolean } | undefined;
    while (Date.now() < ends) {
      const now = Date.now();
      const minWarmUpEnds = started + o.minWarmUpSeconds * 1000;
      await pause(Math.max(0, Math.min(ends, now + SAMPLE_EVERY_MS, !measuring && now < minWarmUpEnds ? minWarmUpEnds : Infinity) - now));
      if (Date.now() >= ends) break;
      const samples = await sampleAll(target);
      progress(samples);
      if (measuring) {
        measuring.memory.push(samples);
        continue;
      }
      const elapsedSeconds = (Date.now() - started) / 1000;
      const caches = cachesOf(samples);
      const warmUp = warmUpOver({ elapsedSeconds, minSeconds: o.minWarmUpSeconds, maxSeconds: o.maxWarmUpSeconds, previous: previousCaches, current: caches });
      previousCaches = caches;
      if (!warmUp.over) continue;
      recorder.startMeasuring();
      measuring = {
        memory: [samples],
        stores: await storeFigures(target.admin, target.databases),
        warmUpSeconds: Math.round(elapsedSeconds),
        cachesSettled: warmUp.cachesSettled,
      };
      log(`warm-up over after ${measuring.warmUpSeconds} s${warmUp.cachesSettled ? '' : ' with the workflow caches still growing'}: measuring from here`);
    }
    if (!measuring) throw new Error('the run ended before its warm-up');
    const { stores: storesStart } = measuring;
    await running.stop();
    const memoryEnd = await sampleAll(target);
    const storesEnd = await storeFigures(target.admin, target.databases);
    progress(memoryEnd);
    const peaks = windowPeaks([...measuring.memory, memoryEnd], target.processes.length);

    const figures = recorder.figures();
    const processes: ProcessMemory[] = target.processes.map((p, i) => ({ name: p.name, ...peaks[i]! }));
    const errors = recorder.errors();
    const result = verdict({
      errors: errors.reduce((n, e) => n + e.count, 0),
      processes,
      inboxP99Ms: figures.find((f) => f.operation === 'inbox')?.p99Ms,
    });
    console.log(`
Soak: ${o.minutes} min, ${measuring.warmUpSeconds} s of it warm-up${measuring.cachesSettled ? '' : ' (the workflow caches were still growing at its end)'}, ${o.clients} clients; ${recorder.requests().measured.toLocaleString('en-US')} requests measured after the warm-up.
Load average (1, 5, 15 min): ${loadAtStart} at the start, ${load()} at the end.

${operationsTable(figures)}

Memory, the highest RSS sampled in the first third after the warm-up → in the last third (with the V8 heap in use at those samples, which moves with each collection):
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
