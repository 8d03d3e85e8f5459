import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { readScriptsEnv } from '../env.js';
import { countOption, isUsageError } from '../synthetic/cli-options.js';
import { ensureDossiers } from './ensure-dossiers.js';
import { measureExport as measure, type ExportRun } from './export-measure.js';

const USAGE = 'usage: npm run bench:export -- [--rows N] [--small N] [--seed S]';
const log = (line: string) => console.error(line);
const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1).padStart(7);

/**
 * `npm run bench:export`: the dossier export (the core verb's cursor, the route's columns, the
 * CSV and XLSX writers) of a small and a large number of rows, each in its own process, with
 * time, size and memory sampled every 10 ms. Memory that stays flat from the small export to the
 * large one is the point: the rows stream, none is held. Like bench:db it works on the database
 * of DATABASE_URL, topped up with synthetic dossiers when short; not a test, it reports and
 * exits 0 (1 only if an export did not come out whole).
 */
async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, small: { type: 'string' }, seed: { type: 'string' } } });
  const large = countOption('rows', values.rows, 100_000);
  const small = Math.min(countOption('small', values.small, 10_000), large);
  const urls = databaseUrls(readScriptsEnv());
  const total = await ensureDossiers(urls, large, countOption('seed', values.seed, 1), log);
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const runs: (ExportRun & { live: number })[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    for (const rows of [small, large]) {
      log(`exporting ${rows.toLocaleString('en-US')} dossiers as ${format}, timed, then again with forced collections…`);
      const timed = await measure(format, rows, false);
      const collected = await measure(format, rows, true);
      runs.push({ ...timed, live: collected.live ?? 0, complete: timed.complete && collected.complete });
    }
  }
  console.log(`dossier export from ${urls.databaseName} (${total.toLocaleString('en-US')} dossiers); load average at start: ${load}\n`);
  console.log('format     rows   seconds   rows/s   file MB   RSS before   RSS peak   heap before   heap peak   live heap   whole');
  for (const r of runs) {
    console.log(
      [
        r.format.padEnd(6),
        r.rows.toLocaleString('en-US').padStart(8),
        r.seconds.toFixed(1).padStart(9),
        Math.round(r.rows / r.seconds)
          .toLocaleString('en-US')
          .padStart(8),
        mb(r.bytes).padStart(9),
        mb(r.baseline.rss).padStart(12),
        mb(r.peak.rss).padStart(10),
        mb(r.baseline.heap).padStart(13),
        mb(r.peak.heap).padStart(11),
        mb(r.live).padStart(11),
        (r.complete ? 'yes' : 'NO').padStart(7),
      ].join(' '),
    );
  }
  console.log(
    '\nmemory in MB, in the exporting process: RSS and heap sampled every 10 ms; live heap = the largest heap left after a full collection, forced every 250 ms in a second, untimed run.',
  );
  if (runs.some((r) => !r.complete)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (isUsageError(error)) console.error(`bench:export: ${error.message}\n${USAGE}`);
  else console.error(error instanceof ConfigError ? `bench:export: ${error.message}` : error);
  process.exit(1);
});
