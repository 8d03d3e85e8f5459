import { schema, withUser } from '@gov/db';
import { forbidden, notFound, unauthenticated } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';

/**
 * Who has drafts: a signed-in citizen, and only their own. Every read and change runs with their
 * `app.user_id`, which the table's restrictive policies require (docs/domain/dossier-drafts.md).
 */
export function assertDraftOwner(ctx: ServiceContext): string {
  if (!ctx.actor) throw unauthenticated({ vi: 'Vui lòng đăng nhập để lưu và xem bản nháp.', en: 'Please sign in to save and see your drafts.' });
  if (ctx.actor.kind !== 'citizen') throw forbidden({ vi: 'Chỉ tài khoản công dân có bản nháp hồ sơ.', en: 'Only citizen accounts have dossier drafts.' });
  return ctx.actor.userId;
}

export const draftNotFound = () =>
  notFound({ vi: 'Không tìm thấy bản nháp (có thể đã bị xóa hoặc đã được nộp).', en: 'Draft not found (it may have been deleted or submitted).' });

export type DraftRow = typeof schema.dossierDrafts.$inferSelect;

/**
 * One of the owner's drafts, from any province, read with only their user id: another citizen's
 * id finds nothing, the same 404 as an unknown id. `submitted` drafts are found only when asked
 * for (a retried submission); otherwise they no longer exist for the citizen.
 */
export async function findOwnDraft(ctx: ServiceContext, userId: string, draftId: string, { submitted = false } = {}): Promise<DraftRow> {
  const d = schema.dossierDrafts;
  const [row] = await withUser(ctx.sql, userId, (tx) =>
    tx
      .select()
      .from(d)
      .where(and(eq(d.id, draftId), eq(d.ownerUserId, userId))),
  );
  if (!row || (row.submittedAt && !submitted)) throw draftNotFound();
  return row;
}

/** The draft as its owner reads it (the revision is also its ETag). */
export const draftView = (row: DraftRow) => ({
  id: row.id,
  tenantId: row.tenantId,
  procedureCode: row.procedureCode,
  procedureName: row.procedureName,
  form: row.form,
  documents: row.documents,
  revision: row.revision,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
