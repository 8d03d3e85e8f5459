import { schema } from '@gov/db';
import { forbidden, unauthenticated } from '@gov/domain';
import type { ServiceContext } from '../context.js';

/**
 * Who has a data store: a signed-in citizen, and only for their own documents. Every read and
 * change then runs with their `app.user_id`, which the table's restrictive policies require
 * (docs/domain/citizen-data-store.md). Returns their user id.
 */
export function assertStoreOwner(ctx: ServiceContext): string {
  if (!ctx.actor) throw unauthenticated({ vi: 'Vui lòng đăng nhập để xem kho giấy tờ.', en: 'Please sign in to see your documents.' });
  if (ctx.actor.kind !== 'citizen') throw forbidden({ vi: 'Chỉ tài khoản công dân có kho giấy tờ.', en: 'Only citizen accounts have a document store.' });
  return ctx.actor.userId;
}

const c = schema.citizenDocuments;
/** What the owner sees of a stored document (never the storage key: bytes go through the content route). */
export const documentColumns = {
  id: c.id,
  tenantId: c.tenantId,
  sourceDossierId: c.sourceDossierId,
  sourceDossierCode: c.sourceDossierCode,
  componentName: c.componentName,
  fileName: c.fileName,
  contentType: c.contentType,
  sizeBytes: c.sizeBytes,
  sha256: c.sha256,
  kind: c.kind,
  createdAt: c.createdAt,
};
