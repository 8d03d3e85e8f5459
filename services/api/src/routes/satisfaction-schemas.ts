import * as v from 'valibot';

const Average = (criterion: string) => v.pipe(v.nullable(v.number()), v.description(`Average of “${criterion}”, 1–5 to two decimals; null without answers`));

/** Whether the applicant answered the survey about the dossier, and whether they still may. */
export const SurveyState = v.object({
  answered: v.boolean(),
  submittedAt: v.nullable(v.pipe(v.string(), v.description('When the answer was sent'))),
  open: v.pipe(v.boolean(), v.description('The result was returned (status 10) and no answer was sent yet')),
});

const Scores = {
  count: v.pipe(v.number(), v.integer(), v.minValue(0), v.description('Answers')),
  attitude: Average('Thái độ phục vụ'),
  timeliness: Average('Thời gian giải quyết'),
  clarity: Average('Sự rõ ràng của thủ tục'),
  overall: Average('Mức độ hài lòng chung'),
};

/** Counts and averages only: never one answer, its comment or its dossier. */
export const SurveyResults = v.object({
  period: v.object({ from: v.string(), to: v.string() }),
  byUnit: v.array(v.object({ unitId: v.pipe(v.string(), v.uuid()), unitCode: v.string(), unitName: v.string(), ...Scores })),
  byProcedure: v.array(v.object({ procedureCode: v.string(), procedureName: v.nullable(v.string()), ...Scores })),
  total: v.object(Scores),
});
