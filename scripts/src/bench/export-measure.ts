import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ExportRun } from './export-run.js';

export type { ExportRun };

const RUN = fileURLToPath(new URL('./export-run.ts', import.meta.url));

/**
 * One dossier export in a fresh process (`export-run.ts`): its memory figures are its own, not left
 * over from the one before. `collect` forces collections to measure the live heap (untimed).
 */
export async function measureExport(format: 'csv' | 'xlsx', rows: number, collect: boolean): Promise<ExportRun> {
  const args = ['--expose-gc', '--import', 'tsx', RUN, '--format', format, '--rows', String(rows), ...(collect ? ['--collect'] : [])];
  const { stdout } = await promisify(execFile)(process.execPath, args, { env: process.env, maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ExportRun;
}
