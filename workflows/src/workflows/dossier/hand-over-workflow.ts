import { getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { HandOverResult, HandOverWorkflowInput } from '@gov/domain';
import type { Activities } from '../../activities/index.js';
import { clockSignal } from '@gov/domain/contract';
import { createHandOvers } from './hand-over-children.js';
import { consultationDeadlinesFor, openConsultations } from './consultation-open.js';
import { installHandlers } from './handlers.js';
import { createRecorder } from './recorder.js';
import { runUntilDone } from './run-until-done.js';
import { initialState } from './state.js';
import type { MachineEnv } from './steps.js';
import { createTimeModel } from './time-model.js';

const { ensureHandOverDossier } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * Liên thông: the receiving unit (or province) runs its segment of the process — same
 * interpreter, same Updates — and the parent resumes when this workflow completes. The overall
 * promised date stays with the dossier's own workflow, so clock pauses are reported to the
 * parent. A hand-over inside the segment (onward to a third province: a chain) starts a child
 * of this workflow, which returns here; this workflow passes its clock pauses up the chain.
 */
export async function handOverWorkflow(input: HandOverWorkflowInput): Promise<HandOverResult> {
  const { workflowId } = workflowInfo();
  const time = createTimeModel(input.calendar, input.clock);
  const state = initialState({
    ...input,
    workflowId,
    segment: { from: input.from, to: input.to },
    isHandOver: true,
    // Children started before chains existed came from the province that sent them.
    chain: input.chain ?? [input.sourceTenantId ?? input.tenantId],
    keepsOwnRow: input.sourceTenantId !== undefined,
    now: Date.now(),
  });
  const parent = getExternalWorkflowHandle(input.parentWorkflowId);
  // Only the dossier's own workflow stops or withdraws it; a cancellation reaches a link of a
  // chain from its parent, so a cancelled onward child is the normal end here.
  const handOvers = createHandOvers(input, () => true);
  const env: MachineEnv = {
    state,
    time,
    recorder: createRecorder(state, input.unitCodes),
    startHandOver: (args) => handOvers.start(env, args),
    cancelHandOver: () => handOvers.cancel(),
    reportClock: (paused, at) => parent.signal(clockSignal, { paused, at }),
    consultationDeadlines: consultationDeadlinesFor({ tenantId: input.tenantId, time, testClock: input.clock !== undefined }),
  };
  // An onward link's pauses go up the chain to the workflow that owns the promised date.
  setHandler(clockSignal, ({ paused, at }) => env.reportClock(paused, at));
  // Another province keeps its own copy of the dossier under its own row-level security.
  if (input.sourceTenantId) {
    await ensureHandOverDossier({
      sourceTenantId: input.sourceTenantId,
      tenantId: input.tenantId,
      dossierId: input.dossierId,
      unitId: input.snapshot.steps[input.from]!.orgUnitId,
      workflowId,
    });
  }
  const first = input.snapshot.steps[input.from]!;
  state.stepDueAt = first.allottedWorkingHours > 0 ? time.addWorkingMinutes(new Date(state.stepEnteredAt), first.allottedWorkingHours * 60).getTime() : null;
  const received = env.recorder.record({
    kind: 'hand_over_received',
    fromStepKey: null,
    toStepKey: first.key,
    content: { parentWorkflowId: input.parentWorkflowId },
    tasks: {
      open: {
        stepKey: first.key,
        orgUnitId: first.orgUnitId,
        role: first.role,
        dueAt: state.stepDueAt === null ? null : new Date(state.stepDueAt).toISOString(),
        assigneeUserId: null,
      },
    },
  });
  // Buffered Updates run as soon as their handler is set: after the first transition.
  installHandlers(env, null);
  await received;
  // The segment's first step is entered here, not by enterStep: open its consultation likewise.
  if (first.consultation) {
    state.consulting = { stepIndex: input.from, ids: [] };
    await openConsultations(env, input.from);
  }

  await runUntilDone(env, handOvers.settled);
  const last = state.snapshot.steps[state.stepIndex]!;
  return { outcome: 'completed', lastStepKey: last.key, transitions: state.seq };
}
