import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ConfigError } from '@gov/runtime';

/** v1.5.1 installs with plain `go install`; later tags carry a `replace` directive that breaks it. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, pathVar: string): string | undefined {
  return pathVar
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(executable);
}

/** Runs `go install -v`, reporting each compiled package on one updating line. */
function goInstall(go: string, binDir: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(go, ['install', '-v', TEMPORAL_CLI_MODULE], {
      env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let count = 0;
    let tail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
      count += chunk.split('\n').filter((l) => l && !l.startsWith('go: downloading')).length;
      if (process.stdout.isTTY) process.stdout.write(`\r  compiled ${count} packages…`);
    });
    const timer = process.stdout.isTTY ? undefined : setInterval(() => log(`  compiled ${count} packages…`), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (process.stdout.isTTY) process.stdout.write('\n');
      if (code === 0) resolve();
      else reject(new Error(`go install failed (exit ${code}):\n${tail}`));
    });
  });
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
  // One staging directory per process: two test runs starting on a fresh machine each build, and
  // neither may delete or half-overwrite the other's result.
  const staging = `${binDir}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  await goInstall(go, staging, log);
  // Move into place only when complete, so an interrupted build is never mistaken for a cached one.
  try {
    renameSync(staging, binDir);
  } catch (error) {
    if (!existsSync(cached)) throw error;
    rmSync(staging, { recursive: true, force: true }); // another run finished first; keep its binary
  }
  log(`Temporal CLI cached at ${cached}`);
  return cached;
}
