import { CancellationScope, isCancellation, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import type { DossierWorkflowInput, HandOverResult, HandOverWorkflowInput } from '@gov/domain';
import { INTAKE_WORKING_MINUTES } from './apply-intake.js';
import { consultationDeadlinesFor } from './consultation-open.js';
import { clockSignal } from '@gov/domain/contract';
import { installHandlers } from './handlers.js';
import { createRecorder } from './recorder.js';
import { runUntilDone } from './run-until-done.js';
import { initialState } from './state.js';
import { advance, enterStep, pauseClock, resumeClock, type MachineEnv } from './steps.js';
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
  const children: Promise<void>[] = [];
  let childScope: CancellationScope | null = null;

  const env: MachineEnv = {
    state,
    time,
    recorder: createRecorder(state, input.unitCodes),
    startHandOver({ workflowId: childId, from, to }) {
      const step = state.snapshot.steps[state.stepIndex];
      const targetTenantId = step?.handOver?.targetTenantId;
      const args: HandOverWorkflowInput = {
        parentWorkflowId: workflowId,
        tenantId: targetTenantId ?? input.tenantId,
        dossierId: input.dossierId,
        snapshot: input.snapshot,
        from,
        to,
        calendar: input.calendar,
        clock: input.clock,
        applicantUserId: input.applicantUserId,
        unitCodes: input.unitCodes,
        ...(targetTenantId && targetTenantId !== input.tenantId ? { sourceTenantId: input.tenantId } : {}),
      };
      const scope = new CancellationScope();
      childScope = scope;
      const run = scope.run(async () => {
        const child = await startChild('handOverWorkflow', { workflowId: childId, args: [args] });
        return (await child.result()) as HandOverResult;
      });
      children.push(
        run.then(
          (result) => onHandOverDone(result, to),
          (error: unknown) => {
            // A stop or withdrawal cancelled the child; anything else is a defect to surface.
            if (!(isCancellation(error) && state.done)) throw error;
          },
        ),
      );
    },
    cancelHandOver: () => childScope?.cancel(),
    reportClock: () => Promise.resolve(),
    consultationDeadlines: consultationDeadlinesFor({ tenantId: input.tenantId, time, testClock: input.clock !== undefined }),
  };

  async function onHandOverDone(result: HandOverResult, to: number) {
    if (state.done) return;
    state.activeHandOver = null;
    const entry = { kind: 'hand_over_returned', content: { lastStepKey: result.lastStepKey, childTransitions: result.transitions } };
    // The child ends past its segment; the parent resumes at the step after it.
    if (to < state.snapshot.steps.length) await enterStep(env, to, entry);
    else {
      state.stepIndex = to - 1;
      await advance(env, entry);
    }
  }

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

  await runUntilDone(env, () => Promise.all(children));
  return { nationalStatus: state.nationalStatus, transitions: state.seq };
}
