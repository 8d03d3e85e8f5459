import { schema, withTenantAsUser, withUser } from '@gov/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { audit } from '../audit.js';
import { parseInput } from '../parse-input.js';
import { documentNotFound, MyDocumentRef } from './get-my-document.js';
import { assertStoreOwner } from './store-owner.js';

/**
 * Deletes a document from the citizen's store: the row is hidden (deleted_at), never removed,
 * and the dossier's own file stays as it is, since the dossier is the province's record. The
 * audit entry goes to the source province's log, in the same transaction as the change; it
 * names the document and dossier code, not the file's content.
 */
export async function hideMyDocument({ ctx, input }: { ctx: ServiceContext; input: MyDocumentRef }) {
  const userId = assertStoreOwner(ctx);
  const { documentId } = parseInput(MyDocumentRef, input);
  const c = schema.citizenDocuments;
  const visible = and(eq(c.id, documentId), eq(c.ownerUserId, userId), isNull(c.deletedAt));
  // The province comes from the owner's own row: the audit log is per province.
  const [found] = await withUser(ctx.sql, userId, (tx) => tx.select({ tenantId: c.tenantId }).from(c).where(visible));
  if (!found) throw documentNotFound();
  return withTenantAsUser(ctx.sql, found.tenantId, userId, async (tx) => {
    const [hidden] = await tx
      .update(c)
      .set({ deletedAt: new Date() })
      .where(and(eq(c.tenantId, found.tenantId), visible))
      .returning({ id: c.id, sourceDossierId: c.sourceDossierId, sourceDossierCode: c.sourceDossierCode, kind: c.kind });
    // Hidden by a concurrent request between the two transactions.
    if (!hidden) throw documentNotFound();
    await audit(tx, ctx, {
      tenantId: found.tenantId,
      action: 'citizen_document.hidden',
      subjectType: 'citizen_document',
      subjectId: hidden.id,
      details: { dossierId: hidden.sourceDossierId, dossierCode: hidden.sourceDossierCode, kind: hidden.kind },
    });
    return { id: hidden.id };
  });
}
