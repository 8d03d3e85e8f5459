import type { FieldError } from '../problem-response.js';

/** An RFC 9457 problem as the API answers it (see docs/api/errors.md). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  translations: Record<'vi' | 'en', { title: string; detail: string }>;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * Test-only: the problem in an error answer, after checking it is one (media type, and `status`
 * equal to the HTTP status), so a test cannot pass on an answer of another shape.
 */
export async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`not a problem (${response.status} ${type}): ${await response.text()}`);
  const body = (await response.json()) as Problem;
  if (body.status !== response.status) throw new Error(`problem status ${body.status} differs from HTTP ${response.status}`);
  return body;
}

/** Test-only: the machine code of an error answer. */
export const problemCode = async (response: Response) => (await readProblem(response)).code;

/** Test-only: the Vietnamese detail of an error answer (tests send no Accept-Language). */
export const problemDetail = async (response: Response) => (await readProblem(response)).detail;
