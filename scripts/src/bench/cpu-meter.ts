import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// /proc/<pid>/stat counts CPU time in clock ticks; Linux uses 100 per second (USER_HZ).
const MS_PER_TICK = 10;

/** User + system CPU of one process so far, in ms; 0 once it has exited. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

function pids(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args).toString().trim().split('\n').map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

export interface CpuPerOp {
  /** This process: the API (in-process) and its clients. */
  api: number;
  /** The worker's process, when the run has one (workflows and activities). */
  worker: number;
  temporal: number;
  /** The PostgreSQL backends serving the bench's database (other databases on a shared machine are not counted). */
  postgres: number;
  total: number;
}

/**
 * CPU milliseconds per operation for each side of a run. On a 2-core machine where the API,
 * PostgreSQL and Temporal share the CPU, throughput follows CPU per operation, so this says
 * where a submission's cost goes and what ratio to bare starts the machine allows at best.
 */
export function cpuMeter(o: { temporalPort: number; workerPid?: number; postgresPids: () => Promise<number[]> }) {
  const temporal = pids(['-f', `start-dev.*--port ${o.temporalPort}( |$)`])[0];
  const sample = async () => ({
    api: process.cpuUsage(),
    worker: o.workerPid ? processCpuMs(o.workerPid) : 0,
    temporal: temporal ? processCpuMs(temporal) : 0,
    postgres: new Map((await o.postgresPids()).map((pid) => [pid, processCpuMs(pid)])),
  });
  return async <T extends { count: number }>(fn: () => Promise<T>): Promise<T & { cpuMsPerOp: CpuPerOp }> => {
    const before = await sample();
    const result = await fn();
    const after = await sample();
    const api = process.cpuUsage(before.api);
    // A backend opened during the run counts from 0; one closed during it is lost (rare: pools keep theirs).
    let postgres = 0;
    for (const [pid, ms] of after.postgres) if (ms > 0) postgres += ms - (before.postgres.get(pid) ?? 0);
    const per = (ms: number) => Math.round((ms / Math.max(1, result.count)) * 100) / 100;
    const cpu = {
      api: per((api.user + api.system) / 1000),
      worker: per(after.worker - before.worker),
      temporal: per(after.temporal - before.temporal),
      postgres: per(postgres),
    };
    return { ...result, cpuMsPerOp: { ...cpu, total: Math.round((cpu.api + cpu.worker + cpu.temporal + cpu.postgres) * 100) / 100 } };
  };
}
