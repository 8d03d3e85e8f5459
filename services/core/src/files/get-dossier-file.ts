import { schema, withTenant } from '@gov/db';
import { notFound } from '@gov/domain';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { ServiceContext } from '../context.js';
import { assertMayRead } from '../dossiers/get-dossier.js';
import { loadReadableDossier } from '../dossiers/load-dossier.js';
import { parseInput } from '../parse-input.js';
import type { FileStore } from './file-store.js';

export const DossierFileRef = v.object({ dossierId: v.pipe(v.string(), v.uuid()), fileId: v.pipe(v.string(), v.uuid()) });

/**
 * An attachment's bytes, only to whoever may read its dossier. The row is found under the
 * tenant's row-level security and its key must sit in that tenant's folder, so a file is never
 * served across provinces even if ids were guessed or keys copied between rows.
 */
export async function getDossierFile({
  ctx,
  tenantId,
  input,
  files,
  archiveFiles,
}: {
  ctx: ServiceContext;
  tenantId: string;
  input: v.InferInput<typeof DossierFileRef>;
  files: FileStore;
  /** Where an archived dossier's files are (docs/domain/archive-and-retention.md). */
  archiveFiles: FileStore;
}) {
  assertMayRead(ctx, tenantId);
  const { dossierId, fileId } = parseInput(DossierFileRef, input);
  const f = schema.dossierFiles;
  const found = await withTenant(ctx.sql, tenantId, async (tx) => {
    const dossier = await loadReadableDossier(tx, ctx, tenantId, dossierId);
    const [row] = await tx
      .select()
      .from(f)
      .where(and(eq(f.tenantId, tenantId), eq(f.dossierId, dossierId), eq(f.id, fileId)));
    return row && { file: row, archived: dossier.archivedAt !== null };
  });
  if (!found) throw notFound({ vi: 'Không tìm thấy tệp.', en: 'File not found.' });
  const { file, archived } = found;
  // The other store too: a file whose content an archived and a new dossier share may be caught
  // between the archive run's copy and its release (docs/domain/archive-and-retention.md).
  const [first, other] = archived ? [archiveFiles, files] : [files, archiveFiles];
  const bytes = await first.read(tenantId, file.storageKey).catch(() => other.read(tenantId, file.storageKey));
  return { fileName: file.fileName, contentType: file.contentType, sha256: file.sha256, bytes };
}
