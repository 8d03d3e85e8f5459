import { getSurveyState, submitSurvey, SurveyAnswer, surveyResults, SurveyResultsQuery } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer, type Wire } from './answer.js';
import { TenantParam } from './params.js';
import { SurveyResults, SurveyState } from './satisfaction-schemas.js';

const tags = ['satisfaction survey'];
const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));
const SurveyParam = v.object({ tenantId: Id, dossierId: Id });
const APPLICANT_ONLY = { 403: { description: 'Not the dossier’s applicant' }, 404: { description: 'No such dossier in this province' } };

/**
 * The satisfaction survey (đánh giá sự hài lòng): the applicant answers once about a dossier whose
 * result was returned; the province's report readers and ministry staff see counts and averages by
 * unit and procedure, never one answer.
 */
export function satisfactionRoutes() {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/dossiers/:dossierId/survey',
      describeRoute({
        tags,
        summary: 'The applicant: whether the survey about this dossier was answered, and whether it is open',
        responses: { 200: jsonAnswer('The survey’s state', SurveyState), ...APPLICANT_ONLY },
      }),
      validate('param', SurveyParam),
      async (c) => c.json((await getSurveyState({ ctx: c.get('ctx'), ...c.req.valid('param') })) satisfies Wire<v.InferOutput<typeof SurveyState>>),
    )
    .post(
      '/:tenantId/dossiers/:dossierId/survey',
      describeRoute({
        tags,
        summary: 'The applicant rates a dossier whose result was returned, once: four criteria 1–5 and an optional comment',
        responses: {
          201: jsonAnswer('Answered', SurveyState),
          400: { description: 'A score outside 1–5 or a comment over 1000 characters' },
          ...APPLICANT_ONLY,
          409: { description: 'Already answered, or the result has not been returned yet' },
        },
      }),
      validate('param', SurveyParam),
      validate('json', SurveyAnswer),
      async (c) =>
        c.json(
          (await submitSurvey({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })) satisfies Wire<v.InferOutput<typeof SurveyState>>,
          201,
        ),
    )
    .get(
      '/:tenantId/survey-results',
      describeRoute({
        tags,
        summary: 'Survey results of the period (default: this month so far) per receiving unit and per procedure: answers and the average of each criterion',
        responses: {
          200: jsonAnswer('The aggregates, within the caller’s units', SurveyResults),
          400: { description: 'A filter is malformed, or the unit is not one of this province' },
          403: { description: 'Not a reader of this province’s reports, or the unit is outside the caller’s units' },
        },
      }),
      validate('param', TenantParam),
      validate('query', SurveyResultsQuery),
      async (c) =>
        c.json(
          (await surveyResults({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies Wire<
            v.InferOutput<typeof SurveyResults>
          >,
        ),
    );
}
