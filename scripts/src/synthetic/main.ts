import { parseArgs } from 'node:util';
import { vietnamInstant } from '@gov/calendar';
import { ConfigError, databaseUrls } from '@gov/runtime';
import { readScriptsEnv } from '../env.js';
import { countOption, isUsageError } from './cli-options.js';
import { loadSyntheticDossiers } from './load.js';

const USAGE = 'usage: npm run seed -- [--dossiers N] [--seed S] [--reset] [--as-of YYYY-MM-DD]';

/**
 * `npm run seed -- --dossiers 1000000`: realistic synthetic load for development and the
 * benchmark (never for production). Without --reset a second run adds dossiers; with the same
 * --seed, --as-of and a table without earlier synthetic rows, the rows are identical.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      dossiers: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
    },
  });
  const asOf = values['as-of'] === undefined ? new Date() : vietnamInstant(`${values['as-of']}T12:00`);
  if (Number.isNaN(asOf.getTime())) throw new ConfigError(`--as-of: expected YYYY-MM-DD (got "${values['as-of']}")`);
  const urls = databaseUrls(readScriptsEnv());
  const dossiers = countOption('dossiers', values.dossiers, 10_000);
  const started = performance.now();
  const { seconds } = await loadSyntheticDossiers(urls, {
    dossiers,
    seed: countOption('seed', values.seed, 1),
    reset: values.reset,
    asOf,
    log: (line) => console.error(line),
  });
  const rate = seconds > 0 ? Math.round(dossiers / seconds).toLocaleString('en-US') : '-';
  const total = (performance.now() - started) / 1000;
  console.log(
    `${urls.databaseName}: loaded ${dossiers.toLocaleString('en-US')} dossiers; COPY ${seconds.toFixed(1)} s (${rate}/s), ` +
      `${total.toFixed(1)} s in all (set-up, reference data, vacuum analyze)`,
  );
}

main().catch((error: unknown) => {
  if (isUsageError(error)) console.error(`seed: ${error.message}\n${USAGE}`);
  else console.error(error instanceof ConfigError ? `seed: ${error.message}` : error);
  process.exit(1);
});
