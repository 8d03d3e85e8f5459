import { schema, type TenantDb } from '@gov/db';

export interface KeptFile {
  id: string;
  componentName: string;
  fileName: string;
  contentType: string;
  sha256: string;
  sizeBytes: number;
  storageKey: string;
}

/**
 * Adds a dossier's files to its applicant's data store, in the caller's tenant transaction (the
 * intake or the result's attachment), so the store never names a file that was not committed.
 * The insert runs under the province's tenant policy and returns nothing: only the owner may
 * read the rows back.
 */
export async function keepInStore(
  tx: TenantDb,
  a: { tenantId: string; ownerUserId: string; dossierId: string; dossierCode: string; kind: 'submitted' | 'result'; files: KeptFile[] },
): Promise<void> {
  if (a.files.length === 0) return;
  await tx
    .insert(schema.citizenDocuments)
    .values(
      a.files.map((f) => ({
        tenantId: a.tenantId,
        ownerUserId: a.ownerUserId,
        sourceDossierId: a.dossierId,
        sourceDossierCode: a.dossierCode,
        sourceFileId: f.id,
        componentName: f.componentName,
        fileName: f.fileName,
        contentType: f.contentType,
        sha256: f.sha256,
        sizeBytes: f.sizeBytes,
        storageKey: f.storageKey,
        kind: a.kind,
      })),
    )
    .onConflictDoNothing();
}

/** The name a result document carries in the store: it answers no component of the procedure. */
const RESULT_NAME = 'Kết quả giải quyết';

/** A result issued to the applicant is kept in their store, in the attachment's transaction. */
export async function keepResultFiles(
  tx: TenantDb,
  a: {
    tenantId: string;
    ownerUserId: string;
    dossier: { dossierId: string; code: string };
    files: Omit<KeptFile, 'storageKey' | 'componentName'>[];
    keys: { sha256: string; storageKey: string }[];
  },
): Promise<void> {
  const files = a.files.map((f) => ({ ...f, componentName: RESULT_NAME, storageKey: a.keys.find((k) => k.sha256 === f.sha256)!.storageKey }));
  await keepInStore(tx, {
    tenantId: a.tenantId,
    ownerUserId: a.ownerUserId,
    dossierId: a.dossier.dossierId,
    dossierCode: a.dossier.code,
    kind: 'result',
    files,
  });
}
