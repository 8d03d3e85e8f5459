import { schema, withTenantAsUser } from '@gov/db';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { parseInput } from '../parse-input.js';
import { DraftRef, SaveDraft } from './draft-input.js';
import { assertDraftOwner, draftNotFound, draftView, findOwnDraft } from './draft-owner.js';
import { assertOwnDocuments, chosenDocuments } from './own-documents.js';

/**
 * Saves a draft again: the whole form and the documents chosen per component replace what was
 * saved. The write names the revision it started from (If-Match), so a second tab or device that
 * saved in between is not silently overwritten: 412, reload, save again.
 */
export async function saveDraft({ ctx, ref, ifMatch, input }: { ctx: ServiceContext; ref: DraftRef; ifMatch: IfMatch; input: SaveDraft }) {
  const userId = assertDraftOwner(ctx);
  const { draftId } = parseInput(DraftRef, ref);
  const data = parseInput(SaveDraft, input);
  const draft = await findOwnDraft(ctx, userId, draftId);
  const d = schema.dossierDrafts;
  return withTenantAsUser(ctx.sql, draft.tenantId, userId, async (tx) => {
    const documents = chosenDocuments(data.documents);
    await assertOwnDocuments(tx, userId, documents);
    const [row] = await tx
      .update(d)
      .set({ form: data.form, documents, updatedAt: new Date() })
      .where(and(eq(d.tenantId, draft.tenantId), eq(d.id, draftId), eq(d.ownerUserId, userId), isNull(d.submittedAt)))
      .returning();
    // Submitted or deleted by another tab since it was read.
    if (!row) throw draftNotFound();
    assertBasedOn(ifMatch, row);
    await audit(tx, ctx, {
      tenantId: draft.tenantId,
      action: 'dossier_draft.saved',
      subjectType: 'dossier_draft',
      subjectId: draftId,
      details: { revision: row.revision },
    });
    return draftView(row);
  });
}
