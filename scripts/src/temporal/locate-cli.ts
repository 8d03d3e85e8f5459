import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ConfigError } from '@gov/runtime';
import { installOnce } from './go-install.js';

/** v1.5.1 installs with plain `go install`; later tags carry a `replace` directive that breaks it. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(name: string, pathVar: string): string | undefined {
  return pathVar
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(executable);
}

/**
 * Finds the Temporal CLI: TEMPORAL_CLI_PATH, then `temporal` on PATH, then our cache, and
 * otherwise builds it into the cache with the Go toolchain (about 5 minutes on 2 cores, once).
 */
export async function locateTemporalCli(args: {
  explicitPath: string | undefined;
  pathVar: string;
  cacheDir: string;
  log: (line: string) => void;
}): Promise<string> {
  const { explicitPath, pathVar, cacheDir, log } = args;
  if (explicitPath) {
    if (executable(explicitPath)) return explicitPath;
    throw new ConfigError(`TEMPORAL_CLI_PATH=${explicitPath} is not an executable file. Fix the path or unset it.`);
  }
  const found = onPath('temporal', pathVar);
  if (found) return found;
  const binDir = join(cacheDir, 'temporal-cli-v1.5.1');
  const cached = join(binDir, 'temporal');
  if (existsSync(cached)) return cached;
  const go = onPath('go', pathVar);
  if (!go) {
    throw new ConfigError(
      'no Temporal CLI found and Go is not installed: install Go (https://go.dev/dl, 1.22 or later) ' +
        'so it can be built once, or set TEMPORAL_CLI_PATH to a `temporal` binary.',
    );
  }
  log(`Building the Temporal dev server from ${TEMPORAL_CLI_MODULE} (first run only, ~5 minutes)…`);
  await installOnce({ go, binDir, expected: 'temporal', packages: [TEMPORAL_CLI_MODULE], log });
  log(`Temporal CLI cached at ${cached}`);
  return cached;
}
