import { resolver } from 'hono-openapi';
import * as v from 'valibot';

/**
 * What JSON makes of a value the core returns, for checking an answer against its declared
 * schema with `satisfies Wire<v.InferOutput<typeof Schema>>`: a field the schema declares as a
 * plain string may hold a Date (it goes out as its ISO string); literal unions stay exact, so a
 * status or kind that drifts from the schema still fails to compile.
 */
export type Wire<T> = T extends string
  ? string extends T
    ? string | Date
    : T
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** An OpenAPI response whose JSON body is described by a valibot schema. */
export function jsonAnswer(description: string, schema: Parameters<typeof resolver>[0]) {
  return { description, content: { 'application/json': { schema: resolver(schema) } } };
}

/** For an operation anyone may call without signing in (the document's default is a session). */
export const anyone = { security: [] };

/** Every refusal, whatever the operation: RFC 9457 problem+json (see docs/api/errors.md). */
export const Problem = v.object({
  type: v.pipe(v.string(), v.description('Stable URI of the kind of problem')),
  title: v.string(),
  status: v.number(),
  detail: v.pipe(v.string(), v.description('Vietnamese, or English when Accept-Language asks for it')),
  instance: v.string(),
  code: v.pipe(v.string(), v.description('The machine code clients switch on')),
  requestId: v.string(),
  translations: v.object({ vi: v.object({ title: v.string(), detail: v.string() }), en: v.object({ title: v.string(), detail: v.string() }) }),
  errors: v.optional(
    v.pipe(
      v.array(v.object({ pointer: v.string(), field: v.string(), detail: v.string() })),
      v.description('For invalid input: each field and what is wrong with it'),
    ),
  ),
});

/** A refusal whose problem carries more members, e.g. an import's row-by-row report. */
export function problemAnswer(description: string, members: v.ObjectEntries) {
  return { description, content: { 'application/problem+json': { schema: resolver(v.object({ ...Problem.entries, ...members })) } } };
}

/** One problem of an import file: its line (the header is line 1), the column, and what is wrong. */
export const ImportProblem = v.object({ row: v.number(), field: v.string(), problem: v.string(), problemEn: v.string() });

/** The 400 of an all-or-nothing import: the whole report, and nothing written. */
export const importReportAnswer = () => problemAnswer('The validation report, row by row; nothing was written', { report: v.array(ImportProblem) });
