import { schema, withTenant, type TenantDb } from '@gov/db';
import { conflict, forbidden, unauthenticated } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { loadDossierRow, type DossierRow } from '../dossiers/load-dossier.js';
import { parseInput } from '../parse-input.js';
import { SurveyAnswer } from './survey-answer.js';

/** National status 10, "Đã trả kết quả" (docs/domain/statuses.md): only then is there a result to judge. */
const RESULT_RETURNED = 10;

const { satisfactionSurveys: s, procedures: p } = schema;

/**
 * The dossier, if the signed-in citizen filed it; anyone else is refused before anything about the
 * dossier is told. 404 when it is not a dossier of this province.
 */
async function loadOwnDossier(tx: TenantDb, ctx: ServiceContext, tenantId: string, dossierId: string): Promise<DossierRow> {
  if (!ctx.actor) throw unauthenticated({ vi: 'Vui lòng đăng nhập để đánh giá hồ sơ của bạn.', en: 'Please sign in to rate your dossier.' });
  const row = await loadDossierRow(tx, tenantId, dossierId);
  if (ctx.actor.kind !== 'citizen' || row.applicantUserId !== ctx.actor.userId)
    throw forbidden({ vi: 'Chỉ người nộp hồ sơ được đánh giá sự hài lòng về hồ sơ này.', en: 'Only the applicant may rate this dossier.' });
  return row;
}

async function answered(tx: TenantDb, tenantId: string, dossierId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ submittedAt: s.submittedAt })
    .from(s)
    .where(and(eq(s.tenantId, tenantId), eq(s.dossierId, dossierId)));
  return row?.submittedAt ?? null;
}

/**
 * Whether the applicant may still answer the survey about their dossier, for the dossier page:
 * `open` once the result was returned and while no answer was sent.
 */
export async function getSurveyState({ ctx, tenantId, dossierId }: { ctx: ServiceContext; tenantId: string; dossierId: string }) {
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const row = await loadOwnDossier(tx, ctx, tenantId, dossierId);
    const submittedAt = await answered(tx, tenantId, dossierId);
    return { answered: submittedAt !== null, submittedAt, open: submittedAt === null && row.nationalStatus === RESULT_RETURNED };
  });
}

/**
 * The applicant's satisfaction survey about one dossier, once, after its result was returned. The
 * row keeps no user id; the receiving unit and the procedure code are copied for the aggregates.
 * Audited without the scores or the comment: the audit log is read by officers, who must not learn
 * how a given applicant rated them.
 */
export async function submitSurvey({ ctx, tenantId, dossierId, input }: { ctx: ServiceContext; tenantId: string; dossierId: string; input: SurveyAnswer }) {
  return withTenant(ctx.sql, tenantId, async (tx) => {
    const row = await loadOwnDossier(tx, ctx, tenantId, dossierId);
    const answer = parseInput(SurveyAnswer, input);
    if (row.nationalStatus !== RESULT_RETURNED)
      throw conflict({
        vi: 'Chỉ đánh giá được sau khi hồ sơ đã trả kết quả.',
        en: 'The survey opens once the result has been returned.',
      });
    const [procedure] = await tx.select({ code: p.code }).from(p).where(eq(p.id, row.procedureId));
    const [saved] = await tx
      .insert(s)
      .values({
        tenantId,
        dossierId,
        unitId: row.receivingUnitId,
        procedureCode: procedure!.code,
        attitude: answer.attitude,
        timeliness: answer.timeliness,
        clarity: answer.clarity,
        overall: answer.overall,
        comment: answer.comment ? answer.comment : null,
      })
      // Two tabs sending at once: the unique key keeps one, the other is told it was answered.
      .onConflictDoNothing({ target: [s.tenantId, s.dossierId] })
      .returning({ submittedAt: s.submittedAt });
    if (!saved) throw conflict({ vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.', en: 'This dossier has already been rated, once only.' });
    await audit(tx, ctx, { tenantId, action: 'dossier.survey_answered', subjectType: 'Dossier', subjectId: dossierId });
    return { answered: true, submittedAt: saved.submittedAt, open: false };
  });
}
