import type { schema } from '@gov/db';
import * as v from 'valibot';

/**
 * Why a file is on a dossier (`dossier_files.purpose`): `intake`, handed in with the dossier
 * (the receipt, Form 01, lists only those); `supplement`, the applicant's answer to a supplement
 * request (hồ sơ bổ sung); `result`, the result document (kết quả giải quyết) the applicant
 * downloads. The component code stays the plain component or form field.
 */
export type DossierFilePurpose = (typeof schema.dossierFiles.$inferSelect)['purpose'];

/** The purposes a file may be attached for after intake. */
export const FILE_PURPOSES = ['supplement', 'result'] as const satisfies readonly DossierFilePurpose[];
export const FilePurpose = v.picklist(FILE_PURPOSES, 'mục đích phải là supplement hoặc result');
export type FilePurpose = v.InferOutput<typeof FilePurpose>;

/** The form field a file came under: a short code, like a component code. */
export const FileField = v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'tên trường tệp chỉ gồm chữ thường, số, _ và -'));
