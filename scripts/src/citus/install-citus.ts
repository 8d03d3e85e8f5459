import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The one-line fix Citus 13.2.2 needs on PostgreSQL 15.20+ (docs/operations/citus.md). */
const PG15_PATCH = fileURLToPath(new URL('../../../infra/citus/pg15-minor.patch', import.meta.url));

const run = (cmd: string, args: string[], cwd?: string) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
const output = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();

export interface PostgresInstall {
  bindir: string;
  version: string;
  citusInstalled: boolean;
}

export function postgresInstall(): PostgresInstall {
  const bindir = output('pg_config', ['--bindir']);
  const citusInstalled = existsSync(join(output('pg_config', ['--pkglibdir']), 'citus.so'));
  return { bindir, version: output('pg_config', ['--version']), citusInstalled };
}

/**
 * Builds and installs Citus from its release source (a .tar.gz or an unpacked directory) into the
 * PostgreSQL that pg_config names, unless it is installed already. Needs the server development
 * packages listed in docs/operations/citus.md and write access to PostgreSQL's directories.
 */
export function ensureCitus(source: string | undefined, buildDir: string, log: (line: string) => void): PostgresInstall {
  const pg = postgresInstall();
  if (pg.citusInstalled) return pg;
  if (!source) throw new Error('Citus is not installed in this PostgreSQL and CITUS_SOURCE (a Citus release .tar.gz or source directory) is not set');
  let dir = source;
  if (!statSync(source).isDirectory()) {
    rmSync(buildDir, { recursive: true, force: true });
    mkdirSync(buildDir, { recursive: true });
    run('tar', ['xzf', source, '-C', buildDir, '--strip-components=1']);
    dir = buildDir;
  }
  if (/PostgreSQL 15\./.test(pg.version)) {
    // --forward: a source that already has the fix is left as it is.
    try {
      run('patch', ['-p1', '--forward', '-i', PG15_PATCH], dir);
    } catch {
      log('the PostgreSQL 15 patch did not apply (already applied?); building as is');
    }
  }
  log(`building Citus in ${dir} (about 2 minutes on 2 cores)…`);
  run('./configure', ['--without-libcurl'], dir);
  run('make', ['-j2'], dir);
  run('make', ['install'], dir);
  return postgresInstall();
}
