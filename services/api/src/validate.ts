import { invalid, refuseNulText } from '@gov/domain';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { validator } from 'hono-openapi';
import type { ValidationTargets } from 'hono';

/**
 * Valibot validation at the edge, registered in the OpenAPI document by hono-openapi. A failure
 * becomes a 400 through the single error handler, listing each field and what is wrong with it.
 */
export function validate<S extends StandardSchemaV1, T extends keyof ValidationTargets>(
  target: T,
  schema: S,
) {
  return validator(target, schema, (result) => {
    if (result.success) {
      refuseNulText(result.data);
      return;
    }
    const fields = result.error.map((issue) => ({
      path: (issue.path ?? [])
        .map((p) => (typeof p === 'object' ? String(p.key) : String(p)))
        .join('.'),
      problem: issue.message,
    }));
    throw invalid(
      {
        vi: `Dữ liệu không hợp lệ: ${fields.map((f) => f.path || 'nội dung').join(', ')}.`,
        en: `Invalid input: ${fields.map((f) => f.path || 'body').join(', ')}.`,
      },
      { fields },
    );
  });
}

