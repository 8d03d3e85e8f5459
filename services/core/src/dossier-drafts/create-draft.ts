import { schema, withTenantAsUser } from '@gov/db';
import { conflict, notFound } from '@gov/domain';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { audit } from '../audit.js';
import { loadProcedure } from '../catalog/procedure-row.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { CreateDraft, MAX_OPEN_DRAFTS } from './draft-input.js';
import { assertDraftOwner, draftView } from './draft-owner.js';
import { assertOwnDocuments, chosenDocuments } from './own-documents.js';

/**
 * Lưu bản nháp: a citizen's first save of the guided form of a procedure offered in a province.
 * At most MAX_OPEN_DRAFTS open drafts per citizen across provinces: the count and the insert run
 * under a per-citizen advisory lock, so two saves at once cannot both pass the cap.
 */
export async function createDraft({ ctx, input }: { ctx: ServiceContext; input: CreateDraft }) {
  const userId = assertDraftOwner(ctx);
  const data = parseInput(CreateDraft, input);
  const { dossierDrafts: d, procedureSettings: s } = schema;
  return withTenantAsUser(ctx.sql, data.tenantId, userId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`dossier-drafts:${userId}`}, 0))`);
    // The owner's open drafts of every province: the own-rows policy shows them, and only them.
    const [open] = await tx
      .select({ n: count() })
      .from(d)
      .where(and(eq(d.ownerUserId, userId), isNull(d.submittedAt)));
    if ((open?.n ?? 0) >= MAX_OPEN_DRAFTS)
      throw conflict({
        vi: `Bạn đã có ${MAX_OPEN_DRAFTS} bản nháp, mức tối đa. Hãy nộp hoặc xóa bớt một bản nháp trong "Hồ sơ của tôi" rồi lưu lại.`,
        en: `You already have ${MAX_OPEN_DRAFTS} drafts, the most allowed. Submit or delete one in "My dossiers", then save again.`,
      });
    const [offered] = await tx
      .select({ code: s.procedureCode })
      .from(s)
      .where(and(eq(s.tenantId, data.tenantId), eq(s.procedureCode, data.procedureCode), eq(s.active, true)));
    if (!offered)
      throw notFound({ vi: `Tỉnh chưa tiếp nhận thủ tục ${data.procedureCode}.`, en: `This province does not offer procedure ${data.procedureCode}.` });
    const procedure = await loadProcedure(tx, data.procedureCode);
    const documents = chosenDocuments(data.documents);
    await assertOwnDocuments(tx, userId, documents);
    const [row] = await tx
      .insert(d)
      .values({ tenantId: data.tenantId, ownerUserId: userId, procedureCode: data.procedureCode, procedureName: procedure.name, form: data.form, documents })
      .returning();
    // Never the form's content in the audit: it holds the applicant's CCCD number.
    await audit(tx, ctx, {
      tenantId: data.tenantId,
      action: 'dossier_draft.created',
      subjectType: 'dossier_draft',
      subjectId: row!.id,
      details: { procedureCode: data.procedureCode },
    });
    return draftView(row!);
  });
}
