import * as v from 'valibot';

/**
 * A dossier file as the API answers it (POST …/files here; the same shape, without
 * `alreadyAttached`, in GET …/dossiers/:id). The bytes are fetched from `path`.
 */
export const DossierFile = v.object({
  id: v.pipe(v.string(), v.uuid()),
  purpose: v.pipe(v.picklist(['intake', 'supplement', 'result']), v.description('Handed in at intake, the applicant’s supplement, or the result document')),
  componentCode: v.pipe(v.string(), v.description('The procedure’s component code at intake; the form field for later files')),
  fileName: v.string(),
  contentType: v.picklist(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: v.number(),
  sha256: v.string(),
  uploadedAt: v.string(),
  path: v.string(),
});

export const AttachedFiles = v.object({
  purpose: v.picklist(['supplement', 'result']),
  files: v.array(
    v.object({
      ...DossierFile.entries,
      alreadyAttached: v.pipe(
        v.boolean(),
        v.description('True when the same bytes were already attached for this purpose and field: that row is returned, nothing is added'),
      ),
    }),
  ),
});
