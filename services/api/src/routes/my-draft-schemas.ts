import * as v from 'valibot';

const Uuid = v.pipe(v.string(), v.uuid());
const Instant = v.pipe(v.string(), v.isoTimestamp(), v.description('ISO 8601 with offset'));
const Maybe = v.optional(v.string());

/** A draft of an online submission (bản nháp), as its owner reads it; `revision` is also its ETag. */
export const Draft = v.object({
  id: Uuid,
  tenantId: v.pipe(Uuid, v.description('The province it will be filed in')),
  procedureCode: v.string(),
  procedureName: v.string(),
  form: v.object({
    caseCode: Maybe,
    receivingUnitId: Maybe,
    applicant: v.optional(v.object({ fullName: Maybe, citizenId: Maybe, phone: Maybe, email: Maybe })),
    note: Maybe,
    formData: v.optional(
      v.pipe(v.record(v.string(), v.union([v.string(), v.number(), v.boolean()])), v.description("The procedure's declared form fields, by key")),
    ),
  }),
  documents: v.pipe(v.record(v.string(), v.array(Uuid)), v.description('Per component code, ids of stored documents (GET /api/me/documents)')),
  revision: v.number(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const DraftList = v.object({
  items: v.array(v.object({ ...Draft.entries, provinceName: v.string() })),
  limit: v.pipe(v.number(), v.description('How many open drafts a citizen may keep')),
});
export const DeletedDraft = v.object({ id: Uuid });

/** A file uploaded for a draft, now a document of the citizen's store (kind `uploaded`). */
export const DraftDocument = v.object({
  id: Uuid,
  tenantId: Uuid,
  componentCode: v.string(),
  componentName: v.string(),
  fileName: v.string(),
  contentType: v.string(),
  sizeBytes: v.number(),
  sha256: v.string(),
  kind: v.literal('uploaded'),
  createdAt: Instant,
});
