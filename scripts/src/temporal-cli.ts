import { ConfigError } from '@gov/runtime';
import { readScriptsEnv } from './env.js';
import { locateTemporalCli } from './temporal/locate-cli.js';

/** `npm run temporal:cli`: finds or builds the Temporal CLI and prints its path (used by CI). */
async function main() {
  const env = readScriptsEnv();
  const cli = await locateTemporalCli({
    explicitPath: env.TEMPORAL_CLI_PATH,
    pathVar: env.PATH,
    cacheDir: env.GOV_CACHE_DIR,
    log: (line) => console.log(line),
  });
  console.log(`Temporal CLI: ${cli}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `temporal:cli: ${error.message}` : error);
  process.exit(1);
});
