import { invalid, refuseNulText, unsupportedMediaType } from '@gov/domain';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { validator } from 'hono-openapi';
import type { ValidationTargets } from 'hono';

const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;|$)/i;
const hasBody = (request: Request) => {
  const length = request.headers.get('Content-Length');
  return length === null ? request.body !== null : Number(length) > 0;
};

/**
 * Valibot validation at the edge, registered in the OpenAPI document by hono-openapi. A failure
 * becomes a 400 through the single error handler, listing each field and what is wrong with it.
 */
export function validate<S extends StandardSchemaV1, T extends keyof ValidationTargets>(target: T, schema: S) {
  return validator(target, schema, (result, c) => {
    // Hono reads a JSON target sent under another media type as `{}`: an all-optional schema
    // would then accept a form post as an empty object and write it.
    if (target === 'json' && hasBody(c.req.raw) && !JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
      throw unsupportedMediaType({
        vi: 'Nội dung phải là JSON (Content-Type: application/json).',
        en: 'The body must be JSON (Content-Type: application/json).',
      });
    }
    // Valibot's object and record accept arrays; no operation here takes a bare array for them.
    if (result.success && target === 'json' && Array.isArray(result.data) && (schema as { type?: string }).type !== 'array') {
      throw invalid(
        { vi: 'Nội dung phải là một đối tượng JSON, không phải danh sách.', en: 'The body must be a JSON object, not an array.' },
        { fields: [{ path: '', problem: 'object expected' }] },
      );
    }
    if (result.success) {
      refuseNulText(result.data);
      return;
    }
    const fields = result.error.map((issue) => ({
      path: (issue.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.'),
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
