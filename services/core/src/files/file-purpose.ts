import * as v from 'valibot';

/**
 * Why a file is attached after intake. Intake files carry the component code as is; later files
 * carry `<purpose>:<field>` in the same `component_code` column. Component codes never contain a
 * colon (catalog rule `[a-z0-9_-]`), so the two can never be confused, and no migration was
 * needed. `supplement`: the applicant's answer to a supplement request (hồ sơ bổ sung);
 * `result`: the result document (kết quả giải quyết) the applicant downloads.
 */
export const FILE_PURPOSES = ['supplement', 'result'] as const;
export const FilePurpose = v.picklist(FILE_PURPOSES, 'mục đích phải là supplement hoặc result');
export type FilePurpose = v.InferOutput<typeof FilePurpose>;

/** The form field a file came under: a short code, like a component code. */
export const FileField = v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'tên trường tệp chỉ gồm chữ thường, số, _ và -'));

export const purposeCode = (purpose: FilePurpose, field: string) => `${purpose}:${field}`;

/** Files the applicant handed in at intake (the receipt lists only those). */
export const isIntakeFile = (componentCode: string) => !componentCode.includes(':');
