import { fileURLToPath } from 'node:url';
import { COMPILED_ENTRIES } from '../build/entries.js';
import { startNodeChild, type Child } from '../children.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The compiled entry point of each deployable the cluster runs (`npm run build` makes them). */
export const DEPLOYABLE_ENTRIES = {
  api: `${ROOT}${COMPILED_ENTRIES.api.out}`,
  worker: `${ROOT}${COMPILED_ENTRIES.worker.out}`,
} as const;
export type Deployable = keyof typeof DEPLOYABLE_ENTRIES;

/** Starts one process of a deployable, its output prefixed with `name` (e.g. `api-2`). */
export function startDeployable(kind: Deployable, name: string, env: NodeJS.ProcessEnv, onLine?: (line: string) => void): Child {
  return startNodeChild(name, DEPLOYABLE_ENTRIES[kind], env, onLine);
}
