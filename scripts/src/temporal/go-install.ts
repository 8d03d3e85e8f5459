import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

/**
 * Runs `go install -v` of `packages` (each `module/path@version`) into `binDir`, reporting each
 * compiled package on one updating line. Static binaries (CGO off), so they run on any Linux.
 */
export function goInstall(args: { go: string; binDir: string; packages: string[]; log: (line: string) => void }): Promise<void> {
  const { go, binDir, packages, log } = args;
  return new Promise((resolve, reject) => {
    const child = spawn(go, ['install', '-v', ...packages], {
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
 * Builds `packages` into `binDir` unless `binDir` already holds `expected` (the last binary):
 * into a staging directory first, moved into place only when complete, so an interrupted build is
 * never mistaken for a cached one. One staging directory per process: two runs starting on a fresh
 * machine each build, and neither may delete or half-overwrite the other's result.
 */
export async function installOnce(args: { go: string; binDir: string; expected: string; packages: string[]; log: (line: string) => void }): Promise<void> {
  const { binDir, expected } = args;
  if (existsSync(join(binDir, expected))) return;
  const staging = `${binDir}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  await goInstall({ ...args, binDir: staging });
  try {
    renameSync(staging, binDir);
  } catch (error) {
    if (!existsSync(join(binDir, expected))) throw error;
    rmSync(staging, { recursive: true, force: true }); // another run finished first; keep its binary
  }
}
