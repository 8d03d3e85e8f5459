import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import * as v from 'valibot';
import { AnswerConsultation, DOSSIER_REJECTION_TYPE, type ConsultationAnswered, type DossierRejection } from '@gov/domain';
import { answerConsultationUpdate } from '@gov/domain/contract';
import { currentStep, isClosed, type DossierState } from './state.js';
import { advance, type MachineEnv } from './steps.js';

function reject(reason: DossierRejection): never {
  throw ApplicationFailure.create({ message: reason.en, type: DOSSIER_REJECTION_TYPE, nonRetryable: true, details: [reason] });
}

const find = (state: DossierState, id: string) => state.consultations?.find((c) => c.id === id);

/**
 * The step moves on by itself (docs/domain/consultations.md): once every unit answered, whatever
 * the wait rule; at the step's deadline only under `wait: 'deadline'` (see deadlines.ts). The
 * transition says who answered, who did not, and who was late.
 */
export function leaveConsultation(env: MachineEnv, kind: 'consultation_completed' | 'consultation_closed_at_deadline'): Promise<void> {
  const { state } = env;
  const ids = state.consulting?.ids ?? [];
  state.consulting = null;
  const list = ids.map((id) => find(state, id)!);
  const now = Date.now();
  return advance(env, {
    kind,
    content: {
      answered: list.filter((c) => c.answeredAt !== null).map((c) => c.id),
      unanswered: list.filter((c) => c.answeredAt === null).map((c) => c.id),
      late: list.filter((c) => (c.answeredAt ?? now) > c.dueAt).map((c) => c.id),
    },
  });
}

/** Null unless this answer was the last one the waiting step needed. */
function continueIfAllAnswered(env: MachineEnv): Promise<void> | null {
  const { state } = env;
  const waiting = state.consulting;
  if (!waiting || waiting.ids.length === 0 || waiting.stepIndex !== state.stepIndex || isClosed(state)) return null;
  if (!waiting.ids.every((id) => find(state, id)?.answeredAt !== null)) return null;
  return leaveConsultation(env, 'consultation_completed');
}

/**
 * Registers the answer Update. Any request of this workflow may be answered once, late or not,
 * even after the step moved on at its deadline: every answer is kept with the dossier.
 */
export function installConsultationAnswers(env: MachineEnv): void {
  setHandler(
    answerConsultationUpdate,
    async (input): Promise<ConsultationAnswered> => {
      const { consultationId, answer, answeredBy } = v.parse(AnswerConsultation, input);
      const { state } = env;
      const c = find(state, consultationId)!;
      const now = Date.now();
      c.answeredAt = now;
      const late = now > c.dueAt;
      const answeredAt = new Date(now).toISOString();
      const recorded = env.recorder.record({
        kind: 'consultation_answered',
        actorUserId: answeredBy,
        fromStepKey: currentStep(state).key,
        content: { consultationId, stepKey: c.stepKey, orgUnitId: c.orgUnitId, late },
        consultations: { answer: { id: consultationId, answer, answeredBy, answeredAt } },
      });
      const moved = continueIfAllAnswered(env);
      await recorded;
      if (moved) await moved;
      return { consultationId, answeredAt, late, stepContinued: moved !== null };
    },
    {
      validator: (input) => {
        const parsed = v.safeParse(AnswerConsultation, input);
        if (!parsed.success)
          reject({ code: 'invalid_input', vi: `Dữ liệu không hợp lệ: ${parsed.issues[0].message}`, en: `Invalid input: ${parsed.issues[0].message}` });
        const c = find(env.state, parsed.output.consultationId);
        if (!c) reject({ code: 'not_allowed', vi: 'Không có yêu cầu xin ý kiến này.', en: 'No such consultation request.' });
        if (c.answeredAt !== null)
          reject({ code: 'wrong_state', vi: 'Yêu cầu xin ý kiến này đã được trả lời.', en: 'This consultation was already answered.' });
        if (env.state.done) reject({ code: 'wrong_state', vi: 'Hồ sơ đã kết thúc xử lý.', en: 'The dossier is closed.' });
      },
    },
  );
}
