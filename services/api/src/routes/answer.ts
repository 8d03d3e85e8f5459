import { resolver } from 'hono-openapi';

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
