import { schema, type TenantDb } from '@gov/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { StoredAttachment } from '../dossiers/register-dossier.js';
import type { FilePurpose } from './file-purpose.js';

const f = schema.dossierFiles;
/** What a caller learns of a file row (never the storage key: bytes go through the files route). */
export const fileColumns = {
  id: f.id,
  purpose: f.purpose,
  componentCode: f.componentCode,
  fileName: f.fileName,
  contentType: f.contentType,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
  uploadedAt: f.uploadedAt,
};
type FileRow = Pick<typeof f.$inferSelect, keyof typeof fileColumns>;

const sameContent = (a: { componentCode: string; sha256: string }) => (b: { componentCode: string; sha256: string }) =>
  a.componentCode === b.componentCode && a.sha256 === b.sha256;

/**
 * Adds each file once per dossier, purpose, field and content (`dossier_files_content_key`): a
 * retried upload (the return of a result refused after its upload, a supplement re-sent after a
 * network error) gets the row that is already there. ON CONFLICT DO NOTHING waits for a
 * concurrent insert of the same file and then skips it, and the re-select (a new snapshot under
 * READ COMMITTED) sees the row that insert committed, so two retries at once also give one row.
 */
export async function insertFilesOnce(
  tx: TenantDb,
  args: { tenantId: string; dossierId: string; purpose: FilePurpose; uploadedBy: string; files: StoredAttachment[] },
): Promise<(FileRow & { alreadyAttached: boolean })[]> {
  const { tenantId, dossierId, purpose } = args;
  const files = args.files.filter((file, i, all) => all.findIndex(sameContent(file)) === i);
  const added = await tx
    .insert(f)
    .values(files.map((file) => ({ tenantId, dossierId, purpose, uploadedBy: args.uploadedBy, ...file })))
    .onConflictDoNothing({ target: [f.tenantId, f.dossierId, f.purpose, f.componentCode, f.sha256], where: sql`purpose <> 'intake'` })
    .returning(fileColumns);
  const skipped = files.filter((file) => !added.some(sameContent(file)));
  const existing =
    skipped.length === 0
      ? []
      : await tx
          .select(fileColumns)
          .from(f)
          .where(
            and(
              eq(f.tenantId, tenantId),
              eq(f.dossierId, dossierId),
              eq(f.purpose, purpose),
              inArray(
                f.sha256,
                skipped.map((file) => file.sha256),
              ),
            ),
          );
  return files.map((file) => {
    const fresh = added.find(sameContent(file));
    if (fresh) return { ...fresh, alreadyAttached: false };
    const row = existing.find(sameContent(file));
    // Only a delete between the two statements could get here; nothing in the app deletes file rows.
    if (!row) throw new Error('attached file vanished between insert and re-select');
    return { ...row, alreadyAttached: true };
  });
}
