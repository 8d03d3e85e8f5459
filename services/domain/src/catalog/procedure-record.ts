import * as v from 'valibot';
import { RetentionYears } from '../archive.js';

/**
 * One entry of the national procedure catalog (cơ sở dữ liệu quốc gia về TTHC), docs/domain/procedures-and-processes.md
 * after Decree 63/2010 Art. 8 and Quy chế BGDĐT Art. 7(2). Plain data: import, export, the API and
 * the `procedures` table all speak this shape.
 */

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'không được để trống'), v.maxLength(max, `tối đa ${max} ký tự`));
const OptionalText = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(4000)));
const Count = v.pipe(v.number('phải là số'), v.integer('phải là số nguyên'), v.minValue(0, 'không được âm'), v.maxValue(99));

/** National code (mã TTHC), e.g. `1.000948` or `2.002622`. */
export const ProcedureCode = v.pipe(v.string(), v.trim(), v.regex(/^[12]\.\d{6}$/, 'mã thủ tục có dạng 1.000948'));

export const CHANNELS = ['online', 'in_person', 'postal'] as const;
export const Channel = v.picklist(CHANNELS, 'kênh phải là online, in_person hoặc postal');
export type Channel = v.InferOutput<typeof Channel>;

export const ProcedureLevel = v.picklist(['ministry', 'province', 'commune'], 'cấp phải là ministry, province hoặc commune');
export const OnlineServiceLevel = v.picklist(['full', 'partial', 'none'], 'mức độ DVC phải là full, partial hoặc none');

/** A dossier component (thành phần hồ sơ): how many originals (bản chính) and copies (bản sao). */
export const DossierComponent = v.object({
  code: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'mã thành phần chỉ gồm chữ thường, số, _ và -')),
  name: Text(500),
  originals: Count,
  copies: Count,
  /** Form template (mẫu đơn, tờ khai), a file name or URL. */
  templateFile: OptionalText,
  required: v.optional(v.boolean(), true),
});
export type DossierComponent = v.InferOutput<typeof DossierComponent>;

/** A case (trường hợp) of the procedure, each with its own list of components. */
export const ProcedureCase = v.object({
  code: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'mã trường hợp chỉ gồm chữ thường, số, _ và -')),
  name: Text(300),
  components: v.pipe(v.array(DossierComponent), v.minLength(1, 'mỗi trường hợp cần ít nhất một thành phần hồ sơ')),
});
export type ProcedureCase = v.InferOutput<typeof ProcedureCase>;

/** Statutory processing time (thời hạn giải quyết) for one channel. */
export const ChannelTime = v.object({
  channel: Channel,
  amount: v.pipe(v.number('phải là số'), v.minValue(0, 'không được âm'), v.maxValue(365)),
  unit: v.picklist(['working_days', 'calendar_days'], 'đơn vị phải là working_days hoặc calendar_days'),
});
export type ChannelTime = v.InferOutput<typeof ChannelTime>;

/** A fee (phí) or charge (lệ phí); amounts in VND, 0 when free. */
export const ProcedureFee = v.object({
  kind: v.picklist(['fee', 'charge'], 'loại phải là fee (phí) hoặc charge (lệ phí)'),
  name: Text(300),
  amountVnd: v.pipe(v.number('phải là số'), v.integer('phải là số nguyên'), v.minValue(0, 'không được âm')),
  note: OptionalText,
});
export type ProcedureFee = v.InferOutput<typeof ProcedureFee>;

/**
 * A field the applicant fills in on the form (ô thông tin trên tờ khai): the dossier's data a
 * process may branch on (docs/domain/procedures-and-processes.md#branches).
 */
export const FormField = v.object({
  key: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'mã trường chỉ gồm chữ thường, số, _ và -')),
  label: Text(200),
  type: v.picklist(['text', 'number', 'boolean', 'choice'], 'kiểu trường phải là text, number, boolean hoặc choice'),
  /** The values a `choice` field may take. */
  options: v.optional(v.pipe(v.array(Text(200)), v.maxLength(50))),
  /** The applicant must fill it in: a submission without it is refused. */
  required: v.optional(v.boolean()),
});
export type FormField = v.InferOutput<typeof FormField>;

/** A form (mẫu đơn, tờ khai) with its legal reference and the fields it declares. */
export const ProcedureForm = v.object({
  code: Text(60),
  name: Text(300),
  templateFile: OptionalText,
  fields: v.optional(v.pipe(v.array(FormField), v.maxLength(100))),
});
export type ProcedureForm = v.InferOutput<typeof ProcedureForm>;

/** Every field the procedure's forms declare, in form order: what the applicant fills in and conditions test. */
export const formFieldsOf = (forms: readonly Pick<ProcedureForm, 'fields'>[]): FormField[] => forms.flatMap((form) => form.fields ?? []);

export const ProcedureRecord = v.pipe(
  v.object({
    code: ProcedureCode,
    name: Text(500),
    sector: Text(200),
    level: ProcedureLevel,
    channels: v.pipe(v.array(Channel), v.minLength(1, 'cần ít nhất một kênh')),
    cases: v.pipe(v.array(ProcedureCase), v.minLength(1, 'cần ít nhất một trường hợp')),
    processingTime: v.pipe(v.array(ChannelTime), v.minLength(1, 'cần thời hạn giải quyết')),
    applicants: OptionalText,
    handlingAgency: OptionalText,
    result: OptionalText,
    fees: v.optional(v.array(ProcedureFee), []),
    forms: v.optional(v.array(ProcedureForm), []),
    conditions: OptionalText,
    legalBasis: OptionalText,
    onlineServiceLevel: OnlineServiceLevel,
    interAgency: v.optional(v.boolean(), false),
    jurisdictionFree: v.optional(v.boolean(), false),
    resultDigitallySigned: v.optional(v.boolean(), false),
    feePaidOnline: v.optional(v.boolean(), false),
    /** Retention of its dossiers in years; absent: permanent (docs/domain/archive-and-retention.md). */
    retentionYears: v.optional(RetentionYears),
  }),
  // Every channel offered needs its statutory time, or no promised date can be computed for it.
  v.forward(
    v.partialCheck(
      [['channels'], ['processingTime']],
      (r) => r.channels.every((c) => r.processingTime.some((t) => t.channel === c)),
      'mỗi kênh tiếp nhận cần có thời hạn giải quyết',
    ),
    ['processingTime'],
  ),
);
export type ProcedureRecord = v.InferOutput<typeof ProcedureRecord>;
/** What import accepts before defaults are applied. */
export type ProcedureRecordInput = v.InferInput<typeof ProcedureRecord>;
