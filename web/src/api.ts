import { locale, type Locale } from './i18n/index.js';
import type { Message } from '@gov/domain';

type Translated = Record<Locale, { title: string; detail: string }>;

/**
 * An API refusal: an RFC 9457 problem (application/problem+json, see docs/api/errors.md) with
 * the machine `code`, `translations` of its title and detail, and, for validation, `errors`.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  translations?: Translated;
  /** Each input field the API refused and why (valibot's message, Vietnamese). */
  errors?: { pointer: string; field: string; detail: string }[];
  [extension: string]: unknown;
}

/** A problem made here, for failures that never reached the API (network, a missing file). */
export function localProblem(status: number, code: string, message: Message): Problem {
  const text = (l: Locale) => ({ title: message[l], detail: message[l] });
  return { type: 'about:blank', title: message.vi, status, detail: message.vi, code, translations: { vi: text('vi'), en: text('en') } };
}

/** An API failure carrying the problem the API answered with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.translations?.en.detail ?? problem.detail);
  }
  get code(): string {
    return this.problem.code;
  }
  /** The API's detail in the current language (reactive: reads the locale signal). */
  get localized(): string {
    return this.problem.translations?.[locale()].detail ?? this.problem.detail;
  }
  /** The problem's title (its kind, e.g. "Không có quyền") in the current language. */
  get title(): string {
    return this.problem.translations?.[locale()].title ?? this.problem.title;
  }
  /** The API's problem with one input field, if it named that field. */
  fieldProblem(path: string): string | undefined {
    return this.problem.errors?.find((f) => f.field === path)?.detail;
  }
  /** The fields the API refused, as `{ path, problem }`. */
  get fields(): { path: string; problem: string }[] {
    return (this.problem.errors ?? []).map((f) => ({ path: f.field, problem: f.detail }));
  }
  /** An extension member the refusal carries beside the standard ones (e.g. `problems`, `report`). */
  extension<T>(name: string): T | undefined {
    return this.problem[name] as T | undefined;
  }
}

// The CSRF token lives in memory only: the session cookie is httpOnly, and the token is handed
// back by /api/auth/login and /api/auth/me, so a reload fetches it again.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

// Told when the API says the session is gone, so the app can drop the signed-in state.
let onUnauthenticated: () => void = () => {};
export function whenUnauthenticated(handler: () => void) {
  onUnauthenticated = handler;
}

// Told when the API holds the session at the second factor (an admin role granted meanwhile), so
// the app reads the session again and its guard goes to the code page.
let onSecondFactorRequired: () => void = () => {};
export function whenSecondFactorRequired(handler: () => void) {
  onSecondFactorRequired = handler;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A body sent as it is, under its own content type (a CSV file read as text). */
class TextBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/** JSON bodies are serialised; FormData (file uploads) goes as multipart, its boundary set by fetch. */
function encode(body: unknown): { payload: BodyInit | undefined; contentType?: string } {
  if (body === undefined) return { payload: undefined };
  if (body instanceof FormData) return { payload: body };
  if (body instanceof TextBody) return { payload: body.text, contentType: body.contentType };
  return { payload: JSON.stringify(body), contentType: 'application/json' };
}

async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  // The API answers problems in this language (and carries both, for a later language switch).
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': locale(), ...extraHeaders };
  const { payload, contentType } = encode(body);
  if (contentType) headers['Content-Type'] = contentType;
  if (WRITE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(
      0,
      localProblem(0, 'network', { vi: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', en: 'Cannot reach the server. Check the network and retry.' }),
    );
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const isProblem = (response.headers.get('Content-Type') ?? '').startsWith('application/problem+json');
    const error = isProblem
      ? (parsed as Problem)
      : localProblem(response.status, 'network', { vi: `Máy chủ trả lỗi ${response.status}.`, en: `The server answered ${response.status}.` });
    // Sign-in failures are 401s too; only a lost session elsewhere resets the app's state.
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated();
    if (response.status === 403 && error.code === 'second_factor_required') onSecondFactorRequired();
    throw new ApiError(response.status, error);
  }
  return parsed as T;
}

export const getJson = <T>(path: string) => request<T>('GET', path);
export const postJson = <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers);
export const patchJson = <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>('PATCH', path, body, headers);
export const putJson = <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>('PUT', path, body, headers);

/**
 * The header of a write to something admins edit: the `revision` the page read it at. If someone
 * else saved it since, the API refuses with 412 and the page reloads (createAction's `onStale`);
 * revision 0 is "never saved" (docs/api/conventions.md#concurrent-edits).
 */
export const basedOn = (revision: number) => ({ 'If-Match': `"${revision}"` });

/** Whether the API refused a write because someone else changed the thing since it was read. */
export const isStale = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 412;
export const deleteJson = <T = void>(path: string) => request<T>('DELETE', path);
/** A multipart POST (files); `headers` carries e.g. the Idempotency-Key of a submission. */
export const postForm = <T>(path: string, form: FormData, headers: Record<string, string> = {}) => request<T>('POST', path, form, headers);
/** A POST whose body is text in its own format, e.g. a CSV file for an endpoint that reads the body as the file. */
export const postText = <T>(path: string, text: string, contentType: string) => request<T>('POST', path, new TextBody(text, contentType));

/** The message to show for any failure: the API's own words, or a generic line otherwise. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.localized : fallback;
}
