import { type IfMatch } from '@gov/core';
import type { Context } from 'hono';
import type { DescribeRouteOptions } from 'hono-openapi';

// Optimistic concurrency at the HTTP edge (docs/api/conventions.md#concurrent-edits): what admins
// edit carries a revision; the API sends it as a strong ETag ("3"), and a write names the revision
// it was based on in If-Match. The service compares after its UPDATE (assertBasedOn in @gov/core),
// so this module only reads and writes the headers.

/** The ETag of a revision. Strong, because If-Match compares strongly (RFC 9110 §13.1.1). */
export const etagOf = (revision: number) => `"${revision}"`;

/** Sets the answer's ETag from its `revision` and hands the answer back, for `c.json(withETag(c, x))`. */
export function withETag<T extends { revision: number }>(c: Context, answer: T): T {
  c.header('ETag', etagOf(answer.revision));
  return answer;
}

/**
 * The revisions a write may start from. `If-Match: *` accepts any; `If-None-Match: *` means
 * "nothing saved yet" (revision 0). A weak or malformed tag matches nothing, so the write is
 * refused with 412. Without either header, `whenAbsent` applies where the operation has a
 * meaning for that (saving a new process draft); elsewhere null, which the service refuses with
 * 428 once it has checked the caller's rights.
 */
export function ifMatchOf(c: Context, whenAbsent: IfMatch = null): IfMatch {
  const ifMatch = c.req.header('If-Match')?.trim();
  if (ifMatch === '*') return '*';
  if (ifMatch !== undefined) {
    return ifMatch.split(',').flatMap((tag) => {
      const m = /^"(\d{1,9})"$/.exec(tag.trim());
      return m ? [Number(m[1])] : [];
    });
  }
  if (c.req.header('If-None-Match')?.trim() === '*') return [0];
  return whenAbsent;
}

/**
 * The OpenAPI description of a conditional write: the If-Match header and the 412/428 answers.
 * `optional` is for operations that also mean something without it (see ifMatchOf).
 */
export function conditional(spec: DescribeRouteOptions, { optional = false } = {}): DescribeRouteOptions {
  return {
    ...spec,
    parameters: [
      ...(spec.parameters ?? []),
      {
        in: 'header',
        name: 'If-Match',
        required: !optional,
        schema: { type: 'string' },
        description: 'The ETag of the revision this write is based on, e.g. `"3"`; `If-None-Match: *` instead when nothing is saved yet',
      },
    ],
    responses: {
      ...spec.responses,
      412: { description: 'Someone else changed it since that revision: reload and make the change again' },
      ...(optional ? {} : { 428: { description: 'If-Match is missing' } }),
    },
  };
}
