import { schema } from '@gov/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import type { DossierDeps } from '../dossiers/deps.js';
import { submitDossier } from '../dossiers/submit-dossier.js';
import { assertBasedOn, type IfMatch } from '../if-match.js';
import { parseInput } from '../parse-input.js';
import { DraftRef } from './draft-input.js';
import { assertDraftOwner, draftNotFound, findOwnDraft, type DraftRow } from './draft-owner.js';

/** One key per draft: a double click, a retry after a dropped answer, or a second tab all file one dossier. */
export const draftIdempotencyKey = (draftId: string) => `draft:${draftId}`;

/** What the intake receives for a draft: its saved fields, and its documents as reused stored documents. */
function submissionOf(draft: DraftRow) {
  const { form } = draft;
  const reuse = Object.fromEntries(Object.entries(draft.documents).filter(([, ids]) => ids.length > 0));
  return {
    procedureCode: draft.procedureCode,
    caseCode: form.caseCode,
    channel: 'online',
    receivingUnitId: form.receivingUnitId,
    applicant: {
      fullName: form.applicant?.fullName ?? '',
      citizenId: form.applicant?.citizenId ?? '',
      phone: form.applicant?.phone || undefined,
      email: form.applicant?.email || undefined,
    },
    note: form.note || undefined,
    formData: form.formData,
    reuse: Object.keys(reuse).length > 0 ? reuse : undefined,
  };
}

/**
 * Nộp bản nháp: the saved draft goes through the existing intake (submitDossier) with a key
 * derived from the draft, and is marked submitted in the intake's own transaction, so there is
 * never a dossier with its draft still open, nor a draft gone without its dossier. The draft is
 * read from the server, not the client: what is filed is what was saved, at the revision the
 * client confirmed (If-Match, 412 when another tab saved since). A retry of a draft already
 * submitted is a replay of the same key and gets the same dossier (200).
 */
export async function submitDraft({ ctx, ref, ifMatch, deps }: { ctx: ServiceContext; ref: DraftRef; ifMatch: IfMatch; deps: DossierDeps }) {
  const userId = assertDraftOwner(ctx);
  const { draftId } = parseInput(DraftRef, ref);
  const draft = await findOwnDraft(ctx, userId, draftId, { submitted: true });
  const d = schema.dossierDrafts;
  return submitDossier({
    ctx,
    tenantId: draft.tenantId,
    input: submissionOf(draft),
    idempotencyKey: draftIdempotencyKey(draftId),
    deps,
    onRegistered: async (tx, dossier) => {
      const [row] = await tx
        .update(d)
        .set({ submittedAt: new Date(), submittedDossierId: dossier.dossierId })
        .where(and(eq(d.tenantId, draft.tenantId), eq(d.id, draftId), eq(d.ownerUserId, userId), isNull(d.submittedAt)))
        .returning({ revision: d.revision });
      // Deleted by another tab since it was read: the whole intake rolls back.
      if (!row) throw draftNotFound();
      assertBasedOn(ifMatch, row);
    },
  });
}
