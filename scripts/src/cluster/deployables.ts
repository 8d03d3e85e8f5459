import { fileURLToPath } from 'node:url';
import { startNodeChild, type Child } from '../children.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The entry point of each deployable the cluster runs, the way `npm start` runs them today
 * (TypeScript under tsx). A compiled build changes these paths and `startDeployable` only.
 */
export const DEPLOYABLE_ENTRIES = {
  api: `${ROOT}services/api/src/server.ts`,
  worker: `${ROOT}workflows/src/worker.ts`,
} as const;
export type Deployable = keyof typeof DEPLOYABLE_ENTRIES;

/** Starts one process of a deployable, its output prefixed with `name` (e.g. `api-2`). */
export function startDeployable(kind: Deployable, name: string, env: NodeJS.ProcessEnv, onLine?: (line: string) => void): Child {
  return startNodeChild(name, DEPLOYABLE_ENTRIES[kind], env, onLine);
}
