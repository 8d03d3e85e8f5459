import { schema, withUser, type TenantDb } from '@gov/db';
import { conflict, forbidden, notFound } from '@gov/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context.js';
import type { StoredAttachment } from '../dossiers/register-dossier.js';
import type { FileStore } from '../files/file-store.js';
import { keepInStore } from './keep-in-store.js';

interface Reused {
  file: StoredAttachment & { id: string; fromStore: true };
  source: { tenantId: string; storageKey: string; sha256: string };
  hidden: boolean;
}

/**
 * The stored documents a submission names instead of uploads, read with the citizen's own user
 * id before the intake transaction (the idempotency hash covers their SHA-256). An id that is not
 * theirs finds nothing, the same answer as an unknown id. A document they hid is read too, and
 * refused only after the Idempotency-Key's replay check, so a retry of a submission made before
 * the hiding still gets its dossier.
 */
export async function loadReuse(args: {
  ctx: ServiceContext;
  tenantId: string;
  citizen: boolean;
  reuse: Record<string, string[]> | undefined;
  files: FileStore;
}): Promise<Reused[]> {
  const wanted = Object.entries(args.reuse ?? {}).flatMap(([componentCode, ids]) => ids.map((documentId) => ({ componentCode, documentId })));
  if (wanted.length === 0) return [];
  if (!args.citizen)
    throw forbidden({ vi: 'Chỉ công dân nộp trực tuyến được dùng giấy tờ đã lưu.', en: 'Only a citizen filing online may reuse stored documents.' });
  const userId = args.ctx.actor!.userId;
  const c = schema.citizenDocuments;
  const rows = await withUser(args.ctx.sql, userId, (tx) =>
    tx
      .select()
      .from(c)
      .where(
        and(
          eq(c.ownerUserId, userId),
          inArray(
            c.id,
            wanted.map((w) => w.documentId),
          ),
        ),
      ),
  );
  return wanted.map(({ componentCode, documentId }) => {
    const row = rows.find((r) => r.id === documentId);
    if (!row)
      throw notFound({
        vi: `Không tìm thấy giấy tờ đã lưu ${documentId} trong kho của bạn.`,
        en: `Stored document ${documentId} is not in your store.`,
      });
    return {
      file: {
        id: randomUUID(),
        componentCode,
        fileName: row.fileName,
        contentType: row.contentType,
        fromStore: true,
        // A document uploaded for a draft came with no earlier dossier: it is this dossier's own.
        ...(row.sourceDossierCode ? { reusedFrom: row.sourceDossierCode } : {}),
        ...args.files.keyIn(args.tenantId, row),
      },
      source: { tenantId: row.tenantId, storageKey: row.storageKey, sha256: row.sha256 },
      hidden: row.deletedAt !== null,
    };
  });
}

/** After the replay check: a document hidden from the store is no longer offered for reuse. */
export function assertReusable(reused: Reused[]): void {
  const hidden = reused.find((r) => r.hidden);
  if (hidden)
    throw conflict({
      vi: `Giấy tờ "${hidden.file.fileName}" đã bị xóa khỏi kho của bạn; hãy tải tệp lên lại.`,
      en: `Document "${hidden.file.fileName}" was deleted from your store; please upload the file again.`,
    });
}

/** The bytes into the receiving province's folder (a copy when the document came from another province). */
export async function copyReused(reused: Reused[], tenantId: string, files: FileStore): Promise<void> {
  await Promise.all(reused.map((r) => files.copy(r.source, tenantId)));
}

/**
 * A citizen's online submission keeps its uploaded files in their store, in the intake
 * transaction. Files taken from the store are already there and are not added twice.
 */
export async function keepSubmittedFiles(
  tx: TenantDb,
  a: {
    tenantId: string;
    ownerUserId: string;
    dossier: { dossierId: string; code: string };
    components: { code: string; name: string }[];
    files: StoredAttachment[];
  },
): Promise<void> {
  const kept = a.files.flatMap((f) =>
    f.id && !f.fromStore ? [{ ...f, id: f.id, componentName: a.components.find((c) => c.code === f.componentCode)?.name ?? f.componentCode }] : [],
  );
  await keepInStore(tx, {
    tenantId: a.tenantId,
    ownerUserId: a.ownerUserId,
    dossierId: a.dossier.dossierId,
    dossierCode: a.dossier.code,
    kind: 'submitted',
    files: kept,
  });
}
