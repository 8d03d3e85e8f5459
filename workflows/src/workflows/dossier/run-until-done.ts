import { allHandlersFinished, condition } from '@temporalio/workflow';
import { runDueDeadlines } from './deadlines.js';
import type { MachineEnv } from './steps.js';

/**
 * The main loop shared by the dossier and hand-over workflows: fire due deadlines, then sleep
 * until an Update changes the state or the next deadline comes; finish once every projection is
 * stored and every Update handler has returned (so no caller loses its answer).
 */
export async function runUntilDone(env: MachineEnv, beforeSettling: () => Promise<unknown> = () => Promise.resolve()): Promise<void> {
  const { state } = env;
  while (!state.done) {
    const seen = state.seq;
    const wait = await runDueDeadlines(env);
    if (state.seq !== seen) continue;
    if (wait === undefined) await condition(() => state.seq !== seen || state.done);
    else await condition(() => state.seq !== seen || state.done, wait);
  }
  await beforeSettling();
  await env.recorder.settled();
  await condition(allHandlersFinished);
}
