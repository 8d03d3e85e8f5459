import { MS_PER_HOUR } from '@gov/calendar';
import {
  AnswerFeedback,
  answerFeedback,
  enforceRequestLimit,
  FEEDBACK_STATUSES,
  feedbackCounts,
  listFeedback,
  listPublicFeedback,
  ReportPeriod,
  SubmitFeedback,
  submitFeedback,
} from '@gov/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { ApiDeps, AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { anyone, jsonAnswer, type Wire } from './answer.js';
import { FeedbackAnswered, FeedbackCounts, FeedbackPage, FeedbackReceived, PublicFeedbackPage } from './feedback-schemas.js';
import { PageQuery, TenantParam } from './params.js';

const tags = ['feedback'];
const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));
const ItemParam = v.object({ tenantId: Id, feedbackId: Id });
const SENDS_PER_HOUR = 10;

/**
 * Per-address limit on sending feedback: ten an hour is plenty for a person and keeps a script from
 * flooding a unit's list. Counted in PostgreSQL, like the status lookups, so it holds across processes.
 */
function sendLimit(deps: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await enforceRequestLimit(deps.db, {
      bucket: `feedback:${c.get('clientAddress')}`,
      limit: SENDS_PER_HOUR,
      windowMs: MS_PER_HOUR,
      message: { vi: 'Bạn đã gửi quá nhiều phản ánh; vui lòng thử lại sau.', en: 'Too much feedback sent; please try again later.' },
    });
    await next();
  };
}

/** Feedback and complaints (phản ánh, kiến nghị) inside a province: sending, the officers' list, answering, the report counts. */
export function feedbackRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .post(
      '/:tenantId/feedback',
      describeRoute({
        ...anyone,
        tags,
        summary: 'Send feedback about a dossier (its signed-in applicant), a unit or a procedure: signed in, or with a name and a phone or an email',
        responses: {
          201: jsonAnswer('Received; the answer is due in 5 working days', FeedbackReceived),
          400: { description: 'Malformed, or neither an account nor contact details' },
          403: { description: 'Feedback about a dossier by someone other than its applicant' },
          404: { description: 'No such dossier, unit or procedure in this province' },
          429: { description: 'Too many sent from this address' },
        },
      }),
      sendLimit(deps),
      validate('param', TenantParam),
      validate('json', SubmitFeedback),
      async (c) =>
        c.json(
          (await submitFeedback({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('json') })) satisfies Wire<
            v.InferOutput<typeof FeedbackReceived>
          >,
          201,
        ),
    )
    .get(
      '/:tenantId/feedback',
      describeRoute({
        tags,
        summary: 'Feedback to answer, newest first: the caller’s units and those below them (the whole province for its admins)',
        responses: {
          200: jsonAnswer('One page', FeedbackPage),
          400: { description: 'A filter is malformed' },
          403: { description: 'Not an officer of this province' },
        },
      }),
      validate('param', TenantParam),
      validate(
        'query',
        v.object({ status: v.optional(v.picklist(FEEDBACK_STATUSES, 'trạng thái phải là open, answered hoặc escalated')), ...PageQuery.entries }),
      ),
      async (c) =>
        c.json(
          (await listFeedback({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies Wire<
            v.InferOutput<typeof FeedbackPage>
          >,
        ),
    )
    .post(
      '/:tenantId/feedback/:feedbackId/answer',
      describeRoute({
        tags,
        summary: 'An officer of the responsible unit answers; the answer is sent to the author',
        responses: {
          200: jsonAnswer('Answered', FeedbackAnswered),
          400: { description: 'An empty or too long answer' },
          403: { description: 'Not an officer of the responsible unit or a unit above it' },
          404: { description: 'No such feedback in this province' },
          409: { description: 'Already answered' },
        },
      }),
      validate('param', ItemParam),
      validate('json', AnswerFeedback),
      async (c) =>
        c.json(
          (await answerFeedback({ ctx: c.get('ctx'), ...c.req.valid('param'), input: c.req.valid('json') })) satisfies Wire<
            v.InferOutput<typeof FeedbackAnswered>
          >,
        ),
    )
    .get(
      '/:tenantId/feedback-counts',
      describeRoute({
        tags,
        summary: 'Feedback received in the period: answered on time, answered late, unanswered and overdue, unanswered within time',
        responses: {
          200: jsonAnswer('The counts, within the caller’s units', FeedbackCounts),
          400: { description: 'A malformed period' },
          403: { description: 'Not a reader of this province’s reports' },
        },
      }),
      validate('param', TenantParam),
      validate('query', ReportPeriod),
      async (c) =>
        c.json(
          (await feedbackCounts({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies Wire<
            v.InferOutput<typeof FeedbackCounts>
          >,
        ),
    );
}

/** The province's answered feedback whose authors agreed to publication: for anyone, without personal data. */
export function publicFeedbackRoutes() {
  return new Hono<AppEnv>().get(
    '/:tenantId/feedback',
    describeRoute({
      ...anyone,
      tags: ['public'],
      summary: 'Answered feedback published with its author’s consent, newest answer first',
      responses: { 200: jsonAnswer('One page', PublicFeedbackPage) },
    }),
    validate('param', TenantParam),
    validate('query', PageQuery),
    async (c) =>
      c.json(
        (await listPublicFeedback({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input: c.req.valid('query') })) satisfies Wire<
          v.InferOutput<typeof PublicFeedbackPage>
        >,
      ),
  );
}
