import * as v from 'valibot';

/** An officer's answer to one consultation request (docs/domain/consultations.md). */
export const AnswerConsultation = v.object({
  consultationId: v.pipe(v.string(), v.uuid()),
  answeredBy: v.pipe(v.string(), v.uuid()),
  answer: v.pipe(v.string(), v.trim(), v.minLength(1, 'hãy nhập ý kiến'), v.maxLength(4000)),
});
export type AnswerConsultation = v.InferOutput<typeof AnswerConsultation>;

/** What the workflow says back about one request once its answer is stored. */
export interface ConsultationAnswered {
  consultationId: string;
  answeredAt: string;
  late: boolean;
  /** Whether the step moved on with this answer (the last one it waited for). */
  stepContinued: boolean;
}

/** A request opened at a step, as the projection stores it in each province's copy. */
export interface OpenedConsultation {
  id: string;
  procedureCode: string;
  stepKey: string;
  stepName: string;
  question: string | null;
  askingUnitId: string;
  consultedTenantId: string;
  consultedUnitId: string;
  requestedAt: string;
  dueAt: string;
}
