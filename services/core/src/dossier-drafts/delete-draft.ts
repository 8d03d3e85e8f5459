import { schema, withTenantAsUser } from '@gov/db';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../parse-input.js';
import { DraftRef } from './draft-input.js';
import { assertDraftOwner, draftNotFound, findOwnDraft } from './draft-owner.js';

/**
 * Xóa bản nháp: the draft goes; the documents it named stay in the citizen's store, where they
 * can be reused or deleted on their own (docs/domain/dossier-drafts.md).
 */
export async function deleteDraft({ ctx, ref }: { ctx: ServiceContext; ref: DraftRef }) {
  const userId = assertDraftOwner(ctx);
  const { draftId } = parseInput(DraftRef, ref);
  const draft = await findOwnDraft(ctx, userId, draftId);
  const d = schema.dossierDrafts;
  return withTenantAsUser(ctx.sql, draft.tenantId, userId, async (tx) => {
    const [gone] = await tx
      .delete(d)
      .where(and(eq(d.tenantId, draft.tenantId), eq(d.id, draftId), eq(d.ownerUserId, userId), isNull(d.submittedAt)))
      .returning({ id: d.id });
    if (!gone) throw draftNotFound();
    await audit(tx, ctx, {
      tenantId: draft.tenantId,
      action: 'dossier_draft.deleted',
      subjectType: 'dossier_draft',
      subjectId: draftId,
      details: { procedureCode: draft.procedureCode },
    });
    return { id: draftId };
  });
}
