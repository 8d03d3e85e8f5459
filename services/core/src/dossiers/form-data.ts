import { invalid, type FormField, type FormValue, type ProcessStep } from '@gov/domain';

/**
 * Checks what the applicant filled in against the fields the procedure's forms declare: a field
 * the form does not have, a value of the wrong type, a choice not offered or a required field left
 * out is refused, naming the field (docs/domain/procedures-and-processes.md#branches).
 */
export function checkFormData(fields: readonly FormField[], data: Readonly<Record<string, FormValue>>): Record<string, FormValue> {
  for (const [key, value] of Object.entries(data)) {
    const field = fields.find((f) => f.key === key);
    const refuse = (vi: string, en: string) => invalid({ vi: `Thông tin tờ khai "${field?.label ?? key}": ${vi}`, en: `Form field "${key}": ${en}` });
    if (!field) throw refuse('tờ khai của thủ tục không có trường này.', "the procedure's form has no such field.");
    const expected = field.type === 'number' ? 'number' : field.type === 'boolean' ? 'boolean' : 'string';
    if (typeof value !== expected)
      throw refuse(`giá trị phải là ${expected === 'number' ? 'số' : expected === 'boolean' ? 'có/không' : 'chữ'}.`, `the value must be a ${expected}.`);
    if (field.type === 'choice' && !(field.options ?? []).includes(value as string))
      throw refuse('giá trị không nằm trong các lựa chọn.', 'the value is not one of the options.');
  }
  const missing = fields.find((f) => f.required && (data[f.key] === undefined || data[f.key] === ''));
  if (missing) throw invalid({ vi: `Thông tin tờ khai "${missing.label}": bắt buộc nhập.`, en: `Form field "${missing.key}": required.` });
  return { ...data };
}

/**
 * The values the process's conditions test: only these travel to the dossier's workflow (and
 * its history); the rest of the form stays in PostgreSQL under the province's row-level security.
 */
export function conditionFormData(steps: readonly ProcessStep[], data: Readonly<Record<string, FormValue>>): Record<string, FormValue> {
  const tested = new Set(steps.flatMap((s) => (s.next?.by === 'condition' ? s.next.rules.map((r) => r.when.field) : [])));
  return Object.fromEntries(Object.entries(data).filter(([key]) => tested.has(key)));
}
