import { schema, type TenantDb } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';

/**
 * A draft names only documents its owner has in their store and has not deleted. Checked when
 * it is saved, in the same transaction (the restrictive policy shows the owner's rows only), so
 * someone else's id is the same 404 as an unknown one. A document deleted later is caught at
 * submission, by the intake (docs/domain/dossier-drafts.md).
 */
export async function assertOwnDocuments(tx: TenantDb, userId: string, documents: Record<string, string[]>): Promise<void> {
  const wanted = [...new Set(Object.values(documents).flat())];
  if (wanted.length === 0) return;
  const c = schema.citizenDocuments;
  const found = await tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.ownerUserId, userId), isNull(c.deletedAt), inArray(c.id, wanted)));
  const missing = wanted.find((id) => !found.some((f) => f.id === id));
  if (missing)
    throw notFound({
      vi: `Không tìm thấy giấy tờ đã lưu ${missing} trong kho của bạn (có thể đã bị xóa).`,
      en: `Stored document ${missing} is not in your store (it may have been deleted).`,
    });
}

/** Components with no document are left out, so an emptied choice does not linger in the draft. */
export const chosenDocuments = (documents: Record<string, string[]>) => Object.fromEntries(Object.entries(documents).filter(([, ids]) => ids.length > 0));
