import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@gov/runtime';
import { installOnce } from './go-install.js';
import { onPath } from './locate-cli.js';

/**
 * The Temporal server the cached CLI v1.5.1 embeds (its go.mod requires this version), so the two
 * share Go's build cache and speak the same protocol. The module has no `replace` directive, so a
 * plain `go install` of its own commands works: the server and its SQL schema tool.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
export const TEMPORAL_SERVER_PACKAGES = [
  `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`,
  `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
];

export interface TemporalServerBinaries {
  /** `temporal-server`: frontend, history, matching and worker services in one process. */
  server: string;
  /** `temporal-sql-tool`: creates and upgrades the persistence and visibility schemas. */
  sqlTool: string;
}

/** Finds the cached server build, or builds it once with the Go toolchain (minutes on 2 cores). */
export async function locateTemporalServer(args: { pathVar: string; cacheDir: string; log: (line: string) => void }): Promise<TemporalServerBinaries> {
  const binDir = join(args.cacheDir, `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const binaries = { server: join(binDir, 'server'), sqlTool: join(binDir, 'sql') };
  if (existsSync(binaries.server) && existsSync(binaries.sqlTool)) return binaries;
  const go = onPath('go', args.pathVar);
  if (!go) {
    throw new ConfigError(
      `the Temporal server is not built and Go is not installed: install Go 1.25 or later (https://go.dev/dl) so it can be built once into ${binDir}.`,
    );
  }
  args.log(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} from its Go module (first run only, several minutes)…`);
  await installOnce({ go, binDir, expected: 'sql', packages: TEMPORAL_SERVER_PACKAGES, log: args.log });
  args.log(`Temporal server cached in ${binDir}`);
  return binaries;
}
