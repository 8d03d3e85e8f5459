import type { FormField, FormValue } from '@gov/domain';

/**
 * The form fields a procedure declares (ô thông tin trên tờ khai), as the citizen's and the
 * counter's forms carry them: one input per field, named `field-<key>`, read back here in the
 * field's type. Conditions of the process test these values (docs/domain/procedures-and-processes.md#branches).
 */
export const inputName = (key: string) => `field-${key}`;

/**
 * The values filled in, typed as the API takes them: a number as a number, yes/no as a boolean.
 * Empty fields are left out (the API refuses a required one, naming it); a number that does not
 * read as one is sent as typed, so the API's refusal names the field.
 */
export function declaredValues(data: FormData, fields: readonly FormField[]): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const field of fields) {
    const raw = data.get(inputName(field.key));
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') continue;
    if (field.type === 'number') {
      // A Vietnamese decimal comma (12,5) reads as 12.5.
      const n = Number(text.replace(',', '.'));
      values[field.key] = Number.isFinite(n) ? n : text;
    } else if (field.type === 'boolean') values[field.key] = text === 'true';
    else values[field.key] = text;
  }
  return values;
}

/** A stored value as its input shows it ('' when not given). */
export const inputValue = (value: FormValue | undefined): string => (value === undefined ? '' : String(value));
