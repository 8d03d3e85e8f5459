import { schema, withUser } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq, isNull } from 'drizzle-orm';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import type { FileStore } from '../files/file-store.js';
import { parseInput } from '../parse-input.js';
import { assertStoreOwner } from './store-owner.js';

export const MyDocumentRef = v.object({ documentId: v.pipe(v.string(), v.uuid('Mã giấy tờ không hợp lệ')) });
export type MyDocumentRef = v.InferInput<typeof MyDocumentRef>;

export const documentNotFound = () =>
  notFound({ vi: 'Không tìm thấy giấy tờ trong kho của bạn (có thể đã bị xóa).', en: 'Document not found in your store (it may have been deleted).' });

/**
 * A stored document's bytes, to its owner only: the row is read with their user id (another
 * citizen's id finds nothing, so the answer is the same 404 as for an unknown id), and the bytes
 * are read as the source province's key.
 */
export async function getMyDocument({ ctx, input, files }: { ctx: ServiceContext; input: MyDocumentRef; files: FileStore }) {
  const userId = assertStoreOwner(ctx);
  const { documentId } = parseInput(MyDocumentRef, input);
  const c = schema.citizenDocuments;
  const [row] = await withUser(ctx.sql, userId, (tx) =>
    tx
      .select()
      .from(c)
      .where(and(eq(c.id, documentId), eq(c.ownerUserId, userId), isNull(c.deletedAt))),
  );
  if (!row) throw documentNotFound();
  const bytes = await files.read(row.tenantId, row.storageKey);
  return { fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, bytes };
}
