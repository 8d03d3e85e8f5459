import { invalid, refuseNulText } from '@gov/domain';
import * as v from 'valibot';

/**
 * Validates a service verb's input (after the permission check). A failure is a 400 that names
 * each field and what is wrong with it, never a 500.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) {
    // PostgreSQL cannot store U+0000 in text or jsonb: refused here rather than as a failed insert.
    refuseNulText(input);
    return result.output;
  }
  const fields = result.issues.map((issue) => ({
    path: (issue.path ?? []).map((p) => String(p.key)).join('.'),
    problem: issue.message,
  }));
  throw invalid(
    {
      vi: `Dữ liệu không hợp lệ: ${fields.map((f) => `${f.path || 'nội dung'} (${f.problem})`).join('; ')}.`,
      en: `Invalid input: ${fields.map((f) => `${f.path || 'body'} (${f.problem})`).join('; ')}.`,
    },
    { fields },
  );
}
