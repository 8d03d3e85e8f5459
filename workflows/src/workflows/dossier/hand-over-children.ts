import { CancellationScope, isCancellation, startChild } from '@temporalio/workflow';
import type { HandOverResult, HandOverWorkflowInput } from '@gov/domain';
import { advance, enterStep, type MachineEnv } from './steps.js';

/** What every hand-over child inherits unchanged from the dossier's own workflow. */
export type HandOverBase = Pick<HandOverWorkflowInput, 'calendar' | 'clock' | 'applicantUserId' | 'unitCodes'>;

/**
 * The hand-over (liên thông) children of one workflow: the dossier's own, or a hand-over child
 * that hands onward (a chain to a third province). Each child runs snapshot steps `[from, to)`
 * in the receiving tenant; when it completes, this workflow resumes at step `to`, so every link
 * returns to the one that sent it. `cancelExpected` says whether a cancelled child is the normal
 * end (a stop or withdrawal cancelled it) or a defect to surface.
 */
export function createHandOvers(base: HandOverBase, cancelExpected: () => boolean) {
  const children: Promise<void>[] = [];
  let scope: CancellationScope | null = null;

  function start(env: MachineEnv, { workflowId: childId, from, to }: { workflowId: string; from: number; to: number }): void {
    const { state } = env;
    const targetTenantId = state.snapshot.steps[state.stepIndex]?.handOver?.targetTenantId;
    const args: HandOverWorkflowInput = {
      parentWorkflowId: state.workflowId,
      tenantId: targetTenantId ?? state.tenantId,
      dossierId: state.dossierId,
      snapshot: state.snapshot,
      from,
      to,
      calendar: base.calendar,
      clock: base.clock,
      applicantUserId: base.applicantUserId,
      unitCodes: base.unitCodes,
      ...(targetTenantId && targetTenantId !== state.tenantId ? { sourceTenantId: state.tenantId } : {}),
      chain: [...state.chain, state.tenantId],
    };
    const own = new CancellationScope();
    scope = own;
    const run = own.run(async () => {
      const child = await startChild('handOverWorkflow', { workflowId: childId, args: [args] });
      return (await child.result()) as HandOverResult;
    });
    children.push(
      run.then(
        (result) => returned(env, result, to),
        (error: unknown) => {
          if (!(isCancellation(error) && cancelExpected())) throw error;
        },
      ),
    );
  }

  async function returned(env: MachineEnv, result: HandOverResult, to: number): Promise<void> {
    const { state } = env;
    if (state.done) return;
    state.activeHandOver = null;
    const entry = { kind: 'hand_over_returned', content: { lastStepKey: result.lastStepKey, childTransitions: result.transitions } };
    // The child ends past its segment; this workflow resumes at the step after it.
    if (to < state.segment.to) await enterStep(env, to, entry);
    else {
      state.stepIndex = to - 1;
      await advance(env, entry);
    }
  }

  return {
    start,
    cancel: () => scope?.cancel(),
    /** Every child this workflow started has returned (or was cancelled). */
    settled: () => Promise.all(children),
  };
}
