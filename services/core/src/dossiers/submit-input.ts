import { ProcedureCode } from '@gov/domain';
import * as v from 'valibot';
import { CitizenId, MobilePhone, OfficialEmail } from '../users/officer-fields.js';

const Name = v.pipe(v.string(), v.trim(), v.minLength(2, 'Nhập họ và tên'), v.maxLength(200));

/** The values of the procedure's declared form fields, by key; the intake checks them against the catalog. */
export const FormDataInput = v.pipe(
  v.record(v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/)), v.union([v.pipe(v.string(), v.trim(), v.maxLength(2000)), v.number(), v.boolean()])),
  v.check((r) => Object.keys(r).length <= 100, 'tối đa 100 trường'),
);

/** A person named on the dossier: the applicant (người yêu cầu) or their authorised proxy. */
const Person = v.object({ fullName: Name, citizenId: CitizenId });

/**
 * A submission (nộp hồ sơ). Channels (Decree 61/2018 as amended): online by a citizen account;
 * in person or by post at a one-stop counter, entered by a reception officer who attaches the
 * digitised components; or through an authorised proxy (người được ủy quyền), online or at the
 * counter, who must name the authorisation document.
 */
export const SubmitDossier = v.pipe(
  v.object({
    procedureCode: ProcedureCode,
    caseCode: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/)), 'default'),
    channel: v.picklist(['online', 'in_person', 'postal', 'proxy'], 'kênh phải là online, in_person, postal hoặc proxy'),
    /** Defaults to the unit of the process's first step when it receives this procedure. */
    receivingUnitId: v.optional(v.pipe(v.string(), v.uuid())),
    applicant: v.object({ ...Person.entries, phone: v.optional(MobilePhone), email: v.optional(OfficialEmail) }),
    /**
     * The applicant's commune or ward (its national administrative code): for a jurisdiction-free
     * procedure the province's routing rules choose the competent unit by it.
     */
    applicantCommuneCode: v.optional(v.pipe(v.string(), v.regex(/^[0-9]{3,6}$/, 'Mã xã, phường gồm 3–6 chữ số'))),
    proxy: v.optional(
      v.object({ ...Person.entries, authorisation: v.pipe(v.string(), v.trim(), v.minLength(3, 'Nhập số, ngày văn bản ủy quyền'), v.maxLength(300)) }),
    ),
    note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000))),
    /** What the applicant filled in on the procedure's form, by declared field key (checked against the catalog). */
    formData: v.optional(FormDataInput),
    /**
     * Online only: per component code, documents of the citizen's data store handed in instead of
     * an upload (docs/domain/citizen-data-store.md).
     */
    reuse: v.optional(
      v.record(
        v.pipe(v.string(), v.maxLength(40)),
        v.pipe(v.array(v.pipe(v.string(), v.uuid('Mã giấy tờ đã lưu không hợp lệ'))), v.minLength(1), v.maxLength(10)),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['channel'], ['proxy']],
      (s) => (s.channel === 'proxy') === (s.proxy !== undefined),
      'hồ sơ nộp qua người được ủy quyền cần thông tin người được ủy quyền (và chỉ khi đó)',
    ),
    ['proxy'],
  ),
);
export type SubmitDossier = v.InferOutput<typeof SubmitDossier>;

/** One uploaded file of a dossier component (thành phần hồ sơ). */
export interface Attachment {
  componentCode: string;
  fileName: string;
  bytes: Uint8Array;
}
