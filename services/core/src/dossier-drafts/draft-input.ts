import { ProcedureCode } from '@gov/domain';
import * as v from 'valibot';
import { FormDataInput } from '../dossiers/submit-input.js';

/** How many open drafts a citizen may keep, across provinces (docs/domain/dossier-drafts.md). */
export const MAX_OPEN_DRAFTS = 10;

const Uuid = (message: string) => v.pipe(v.string(), v.uuid(message));
const Text = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)));

/**
 * The guided form as a draft keeps it: every field optional and only bounded, because a draft
 * may be half filled; the intake checks it in full when the draft is submitted.
 */
export const DraftFormInput = v.object({
  caseCode: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/))),
  receivingUnitId: v.optional(Uuid('Mã đơn vị tiếp nhận không hợp lệ')),
  applicant: v.optional(v.object({ fullName: Text(200), citizenId: Text(12), phone: Text(20), email: Text(200) })),
  note: Text(2000),
  /** The procedure's declared form fields filled in so far. */
  formData: v.optional(FormDataInput),
});

/** Per component code, the citizen's stored documents chosen for it (at most 10 per component, 30 components). */
export const DraftDocuments = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,40}$/, 'Mã thành phần hồ sơ không hợp lệ')),
    v.pipe(v.array(Uuid('Mã giấy tờ đã lưu không hợp lệ')), v.maxLength(10)),
  ),
  v.check((r) => Object.keys(r).length <= 30, 'Quá nhiều thành phần hồ sơ'),
);

export const SaveDraft = v.object({ form: v.optional(DraftFormInput, {}), documents: v.optional(DraftDocuments, {}) });
export type SaveDraft = v.InferInput<typeof SaveDraft>;

export const CreateDraft = v.object({ tenantId: Uuid('Mã tỉnh không hợp lệ'), procedureCode: ProcedureCode, ...SaveDraft.entries });
export type CreateDraft = v.InferInput<typeof CreateDraft>;

export const DraftRef = v.object({ draftId: Uuid('Mã bản nháp không hợp lệ') });
export type DraftRef = v.InferInput<typeof DraftRef>;
