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
}: {
  ctx: ServiceContext;
  tenantId: string;
  input: v.InferInput<typeof DossierFileRef>;
  files: FileStore;
}) {
  assertMayRead(ctx, tenantId);
  const { dossierId, fileId } = parseInput(DossierFileRef, input);
  const f = schema.dossierFiles;
  const file = await withTenant(ctx.sql, tenantId, async (tx) => {
    await loadReadableDossier(tx, ctx, tenantId, dossierId);
    const [row] = await tx
      .select()
      .from(f)
      .where(and(eq(f.tenantId, tenantId), eq(f.dossierId, dossierId), eq(f.id, fileId)));
    return row;
  });
  if (!file) throw notFound({ vi: 'Không tìm thấy tệp.', en: 'File not found.' });
  const bytes = await files.read(tenantId, file.storageKey);
  return { fileName: file.fileName, contentType: file.contentType, sha256: file.sha256, bytes };
}
