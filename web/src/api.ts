import { locale, type Locale } from './i18n/index.js';
import type { AppType } from '@gov/api';
import type { Message } from '@gov/domain';
import { hc, type ClientResponse, type InferRequestType } from 'hono/client';

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

/**
 * Every call to the API goes through here (the typed client's fetch): it names the language the
 * API should answer problems in, carries the CSRF token on writes, and turns a refusal into an
 * `ApiError` holding the API's problem, so a page sees either the answer or the reason.
 */
async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  headers.set('Accept-Language', locale());
  if (WRITE.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  let response: Response;
  try {
    response = await fetch(input, { ...init, method, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(
      0,
      localProblem(0, 'network', { vi: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', en: 'Cannot reach the server. Check the network and retry.' }),
    );
  }
  if (response.ok) return response;
  const parsed: unknown = await response.json().catch(() => undefined);
  const isProblem = (response.headers.get('Content-Type') ?? '').startsWith('application/problem+json');
  const error = isProblem
    ? (parsed as Problem)
    : localProblem(response.status, 'network', { vi: `Máy chủ trả lỗi ${response.status}.`, en: `The server answered ${response.status}.` });
  // Sign-in failures are 401s too; only a lost session elsewhere resets the app's state.
  const path = new URL(response.url || (input instanceof Request ? input.url : input.toString()), location.origin).pathname;
  if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated();
  if (response.status === 403 && error.code === 'second_factor_required') onSecondFactorRequired();
  throw new ApiError(response.status, error);
}

/**
 * The API, typed from its own routes: `api.tenants[':tenantId']['org-units'].$get({ param })`.
 * A change to a path, an input or an answer in the API breaks the web app's type check.
 */
export const api = hc<AppType>('/', { fetch: apiFetch }).api;

/** The JSON a response carries; a route that can also answer a file (`?format=csv`) types that part apart. */
type JsonOf<R> = R extends { json(): Promise<infer T> } ? (unknown extends T ? never : T) : never;
type Answered<R> = [JsonOf<R>] extends [never] ? void : JsonOf<R>;

/**
 * The answer of a call: `await answer(api.me.dossiers.$get({ query }))`. Refusals never get here
 * (`apiFetch` throws them), so the type is the JSON answer the route declares.
 */
export async function answer<R extends ClientResponse<unknown, number, string>>(pending: Promise<R>): Promise<Answered<R>> {
  const response = await pending;
  // 204 (sign-out, ending a session) has no body; its type is `void`.
  const body: unknown = response.status === 204 ? undefined : await response.json();
  return body as Answered<R>;
}

/** What a call answers: `Answer<typeof api.provinces.$get>`. */
export type Answer<E> = E extends (...args: never[]) => Promise<infer R> ? JsonOf<R> : never;

/**
 * The JSON body a call takes. A form's raw values are sent as this: the API validates them and
 * names each field it refuses, so the page need not repeat its rules.
 */
export type Body<E> = InferRequestType<E> extends { json: infer J } ? J : never;

/** The items of a listing call's answer. */
export type ItemOf<E> = Answer<E> extends { items: (infer I)[] } ? I : never;

/**
 * The header of a write to something admins edit: the `revision` the page read it at. If someone
 * else saved it since, the API refuses with 412 and the page reloads (createAction's `onStale`);
 * revision 0 is "never saved" (docs/api/conventions.md#concurrent-edits).
 */
export const basedOn = (revision: number) => ({ 'If-Match': `"${revision}"` });

/** Whether the API refused a write because someone else changed the thing since it was read. */
export const isStale = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 412;

/** The message to show for any failure: the API's own words, or a generic line otherwise. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.localized : fallback;
}
