import * as v from 'valibot';

const Uuid = v.pipe(v.string(), v.uuid());
const Instant = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 with offset'));

/** A document of the citizen's data store (kho dữ liệu của công dân), as its owner sees it. */
export const MyDocument = v.object({
  id: Uuid,
  tenantId: v.pipe(Uuid, v.description('The province of the dossier it came from')),
  provinceName: v.string(),
  sourceDossierId: v.pipe(v.nullable(Uuid), v.description('Null for a file uploaded for a draft (no dossier yet)')),
  sourceDossierCode: v.nullable(v.string()),
  componentName: v.string(),
  fileName: v.string(),
  contentType: v.string(),
  sizeBytes: v.number(),
  sha256: v.string(),
  kind: v.pipe(
    v.picklist(['submitted', 'result', 'uploaded']),
    v.description('Handed in with a dossier, a result issued to the citizen, or uploaded for a draft'),
  ),
  createdAt: Instant,
});
export const MyDocumentPage = v.object({ items: v.array(MyDocument), total: v.number(), page: v.number(), pageSize: v.number() });
export const HiddenDocument = v.object({ id: Uuid });
