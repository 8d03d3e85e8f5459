import { proxyActivities, uuid4 } from '@temporalio/workflow';
import type { OpenedConsultation } from '@gov/domain';
import type { Activities } from '../../activities/index.js';
import type { MachineEnv } from './steps.js';
import type { TimeModel } from './time-model.js';

const { consultationDeadlines } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Each consulted unit's deadline (epoch ms), counted from `at` in working hours. */
export type ConsultationDeadlines = (units: readonly { tenantId: string; workingHours: number }[], at: number) => Promise<number[]>;

/**
 * Deadlines on the calendar of the unit's own province (docs/domain/consultations.md): this
 * province's from the workflow's time model; another province's from its calendar, read by an
 * activity (its result is in history, so a replay keeps the same instants). On the test clock
 * every calendar is the same continuous one.
 */
export function consultationDeadlinesFor(args: { tenantId: string; time: TimeModel; testClock: boolean }): ConsultationDeadlines {
  return async (units, at) => {
    const own = (hours: number) => args.time.addWorkingMinutes(new Date(at), hours * 60).getTime();
    const others = [...new Set(units.map((u) => u.tenantId).filter((t) => t !== args.tenantId && !args.testClock))];
    const read = await Promise.all(
      others.map(async (tenantId) => {
        const hours = units.filter((u) => u.tenantId === tenantId).map((u) => u.workingHours);
        return [tenantId, await consultationDeadlines({ tenantId, at: new Date(at).toISOString(), workingHours: hours })] as const;
      }),
    );
    const queues = new Map(read.map(([tenantId, dues]) => [tenantId, [...dues]]));
    return units.map((u) => {
      const queue = queues.get(u.tenantId);
      return queue ? Date.parse(queue.shift()!) : own(u.workingHours);
    });
  };
}

/**
 * Opens the step's requests, one per consulted unit, at once (lấy ý kiến song song). Called
 * after the step is entered; if the dossier left the step meanwhile (stopped, withdrawn),
 * nothing is opened.
 */
export async function openConsultations(env: MachineEnv, index: number): Promise<void> {
  const { state } = env;
  const step = state.snapshot.steps[index]!;
  const c = step.consultation;
  if (!c) return;
  const now = Date.now();
  const units = c.units.map((u) => ({ tenantId: u.tenantId ?? state.tenantId, orgUnitId: u.orgUnitId, workingHours: u.workingHours }));
  const dues = await env.consultationDeadlines(units, now);
  const waiting = state.consulting;
  if (state.done || state.stepIndex !== index || waiting?.stepIndex !== index) return;
  const opened = units.map((u, i) => ({
    id: uuid4(),
    stepKey: step.key,
    tenantId: u.tenantId,
    orgUnitId: u.orgUnitId,
    dueAt: dues[i]!,
    answeredAt: null,
    overdueFlagged: false,
  }));
  (state.consultations ??= []).push(...opened);
  waiting.ids = opened.map((o) => o.id);
  const open: OpenedConsultation[] = opened.map((o) => ({
    id: o.id,
    procedureCode: state.snapshot.procedureCode,
    stepKey: step.key,
    stepName: step.name,
    question: c.question ?? null,
    askingUnitId: step.orgUnitId,
    consultedTenantId: o.tenantId,
    consultedUnitId: o.orgUnitId,
    requestedAt: new Date(now).toISOString(),
    dueAt: new Date(o.dueAt).toISOString(),
  }));
  await env.recorder.record({
    kind: 'consultation_requested',
    content: { wait: c.wait, units: open.map((o) => ({ consultationId: o.id, tenantId: o.consultedTenantId, orgUnitId: o.consultedUnitId, dueAt: o.dueAt })) },
    consultations: { open },
  });
}
