import type { Db } from '@gov/db';
import { createProbeActivities } from './probe.js';

export interface ActivityDeps {
  db: Db;
}

/** Activities receive their dependencies here; the worker is the only place they meet workflows. */
export function createActivities(deps: ActivityDeps) {
  return { ...createProbeActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
