import { answerConsultation, AnswerConsultationInput, listConsultationInbox, listDossierConsultations, listLateConsultations } from '@gov/core';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { dossierDeps, type ApiDeps, type AppEnv } from '../app-env.js';
import { validate } from '../validate.js';
import { jsonAnswer, type Wire } from './answer.js';

const tags = ['consultations'];
const Id = v.pipe(v.string(), v.uuid('Mã định danh không hợp lệ'));
type Out<S extends v.GenericSchema> = Wire<v.InferOutput<S>>;

const Instant = v.pipe(v.string(), v.isoTimestamp());
export const Consultation = v.object({
  id: v.string(),
  dossierId: v.nullable(v.string()),
  dossierCode: v.string(),
  procedureCode: v.string(),
  askingTenantId: v.string(),
  askingUnitId: v.string(),
  askingUnitName: v.nullable(v.string()),
  consultedTenantId: v.string(),
  consultedUnitId: v.string(),
  consultedUnitName: v.nullable(v.string()),
  stepKey: v.string(),
  stepName: v.string(),
  question: v.nullable(v.string()),
  requestedAt: Instant,
  dueAt: Instant,
  answer: v.nullable(v.string()),
  answeredBy: v.nullable(v.string()),
  answeredAt: v.nullable(Instant),
  overdueAt: v.nullable(Instant),
  late: v.boolean(),
});
const Consultations = v.object({ items: v.array(Consultation) });
const LateConsultations = v.object({ total: v.number(), unanswered: v.number(), items: v.array(Consultation) });
const Answered = v.object({ consultationId: v.string(), answeredAt: Instant, late: v.boolean(), stepContinued: v.boolean() });
const InboxQuery = v.object({
  answered: v.optional(
    v.pipe(
      v.picklist(['true', 'false']),
      v.transform((x) => x === 'true'),
    ),
  ),
});

/**
 * Consultations (lấy ý kiến, docs/domain/consultations.md): a unit's requests to answer and its
 * answer, the asking unit's view of a dossier's answers, and the late ones it asked for.
 */
export function consultationRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get(
      '/:tenantId/consultations/inbox',
      describeRoute({
        tags,
        summary: "Requests for an opinion addressed to the caller's units, soonest due first",
        responses: { 200: jsonAnswer('The requests', Consultations) },
      }),
      validate('param', v.object({ tenantId: Id })),
      validate('query', InboxQuery),
      async (c) => {
        const { answered } = c.req.valid('query');
        const input = answered === undefined ? {} : { answered };
        return c.json((await listConsultationInbox({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId, input })) satisfies Out<typeof Consultations>);
      },
    )
    .get(
      '/:tenantId/consultations/late',
      describeRoute({
        tags,
        summary: "Late consultations the caller's units asked for (answered late or unanswered past their deadline)",
        responses: { 200: jsonAnswer('The late requests', LateConsultations) },
      }),
      validate('param', v.object({ tenantId: Id })),
      async (c) =>
        c.json((await listLateConsultations({ ctx: c.get('ctx'), tenantId: c.req.valid('param').tenantId })) satisfies Out<typeof LateConsultations>),
    )
    .post(
      '/:tenantId/consultations/:consultationId/answer',
      describeRoute({
        tags,
        summary: 'Answer a request for an opinion, once; a late answer is kept and marked late',
        responses: { 200: jsonAnswer('Recorded with the dossier', Answered) },
      }),
      validate('param', v.object({ tenantId: Id, consultationId: Id })),
      validate('json', AnswerConsultationInput),
      async (c) => {
        const { tenantId, consultationId } = c.req.valid('param');
        const answered = await answerConsultation({ ctx: c.get('ctx'), tenantId, consultationId, input: c.req.valid('json'), deps: dossierDeps(deps) });
        return c.json(answered satisfies Out<typeof Answered>);
      },
    )
    .get(
      '/:tenantId/dossiers/:dossierId/consultations',
      describeRoute({
        tags,
        summary: "A dossier's consultations with their answers, in the order asked",
        responses: { 200: jsonAnswer('The requests and answers', Consultations) },
      }),
      validate('param', v.object({ tenantId: Id, dossierId: Id })),
      async (c) => {
        const { tenantId, dossierId } = c.req.valid('param');
        return c.json((await listDossierConsultations({ ctx: c.get('ctx'), tenantId, dossierId })) satisfies Out<typeof Consultations>);
      },
    );
}
