import { setHandler, workflowInfo } from '@temporalio/workflow';
import type { DossierWorkflowInput } from '@gov/domain';
import { INTAKE_WORKING_MINUTES } from './apply-intake.js';
import { consultationDeadlinesFor } from './consultation-open.js';
import { clockSignal } from '@gov/domain/contract';
import { installHandlers } from './handlers.js';
import { createRecorder } from './recorder.js';
import { runUntilDone } from './run-until-done.js';
import { initialState } from './state.js';
import { createHandOvers } from './hand-over-children.js';
import { pauseClock, resumeClock, type MachineEnv } from './steps.js';
import { createTimeModel } from './time-model.js';

/**
 * One workflow per dossier (hồ sơ), id `dossierWorkflowId(tenant, dossier)`: it interprets the
 * process snapshot it started with, takes officer actions as Updates, keeps the deadlines and
 * projects every transition into PostgreSQL. Hand-overs (liên thông) run as child workflows.
 */
export async function dossierWorkflow(input: DossierWorkflowInput): Promise<{ nationalStatus: number; transitions: number }> {
  const { workflowId } = workflowInfo();
  const time = createTimeModel(input.calendar, input.clock);
  const state = initialState({ ...input, workflowId, segment: { from: 0, to: input.snapshot.steps.length }, isHandOver: false, now: Date.now() });
  // A stop or withdrawal ends the dossier and cancels the child: that cancellation is expected.
  const handOvers = createHandOvers(input, () => state.done);

  const env: MachineEnv = {
    state,
    time,
    recorder: createRecorder(state, input.unitCodes),
    startHandOver: (args) => handOvers.start(env, args),
    cancelHandOver: () => handOvers.cancel(),
    reportClock: () => Promise.resolve(),
    consultationDeadlines: consultationDeadlinesFor({ tenantId: input.tenantId, time, testClock: input.clock !== undefined }),
  };

  setHandler(clockSignal, async ({ paused, at }) => {
    if (paused) pauseClock(state, at);
    const minutes = paused ? 0 : resumeClock(state, time, at, false);
    const dueAt = state.dueAt === null ? null : new Date(state.dueAt).toISOString();
    await env.recorder.record({ kind: paused ? 'clock_paused' : 'clock_resumed', content: { pausedWorkingMinutes: minutes, dueAt } });
  });

  const online = input.channel === 'online';
  state.intakeDueAt = online ? time.addWorkingMinutes(new Date(Date.parse(input.receivedAt)), INTAKE_WORKING_MINUTES).getTime() : null;
  const first = input.snapshot.steps[0]!;
  const registered = env.recorder.record({
    kind: 'registered',
    fromStepKey: null,
    toStepKey: first.key,
    stepDueAt: state.intakeDueAt,
    content: {
      channel: input.channel,
      processVersion: input.snapshot.version,
      intakeDueAt: state.intakeDueAt === null ? null : new Date(state.intakeDueAt).toISOString(),
    },
    tasks: {
      open: {
        stepKey: first.key,
        orgUnitId: first.orgUnitId,
        role: first.role,
        dueAt: state.intakeDueAt === null ? null : new Date(state.intakeDueAt).toISOString(),
        assigneeUserId: null,
      },
    },
  });
  // Buffered Updates run as soon as their handler is set: register after the first transition so
  // it is always projected first.
  installHandlers(env, online ? INTAKE_WORKING_MINUTES : null);
  await registered;

  await runUntilDone(env, handOvers.settled);
  return { nationalStatus: state.nationalStatus, transitions: state.seq };
}
