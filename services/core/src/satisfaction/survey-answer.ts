import * as v from 'valibot';

const SCORE = 'điểm từ 1 đến 5';
const Score = v.pipe(v.number(SCORE), v.integer(SCORE), v.minValue(1, SCORE), v.maxValue(5, SCORE));

/**
 * The criteria of the satisfaction survey, as the service index scores them
 * (docs/domain/feedback-and-reports.md): each 1 (very dissatisfied) to 5 (very satisfied).
 */
export const SURVEY_CRITERIA = ['attitude', 'timeliness', 'clarity', 'overall'] as const;
export type SurveyCriterion = (typeof SURVEY_CRITERIA)[number];

/** One applicant's answer about one dossier. */
export const SurveyAnswer = v.object(
  {
    /** Thái độ phục vụ của cán bộ. */
    attitude: Score,
    /** Thời gian giải quyết. */
    timeliness: Score,
    /** Sự rõ ràng của thủ tục. */
    clarity: Score,
    /** Mức độ hài lòng chung. */
    overall: Score,
    comment: v.optional(v.pipe(v.string('góp ý phải là văn bản'), v.trim(), v.maxLength(1000, 'góp ý tối đa 1000 ký tự'))),
  },
  // A criterion left out is named by its key; anything else is not an answer at all.
  (issue) => (issue.expected?.startsWith('"') ? 'chưa chấm điểm tiêu chí này (từ 1 đến 5)' : 'câu trả lời phải là một đối tượng JSON'),
);
export type SurveyAnswer = v.InferInput<typeof SurveyAnswer>;
