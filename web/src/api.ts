import { locale } from './i18n/index.js';

export interface ApiErrorBody {
  error: {
    code: string;
    message: { vi: string; en: string };
    requestId?: string;
    /** For `invalid`: each field the API refused and why (valibot's message, Vietnamese). */
    details?: { fields?: { path: string; problem: string }[] };
  };
}

/** An API failure carrying the message the API gave, in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody['error'],
  ) {
    super(body.message.en);
  }
  /** The API's own message in the current language (reactive: reads the locale signal). */
  get localized(): string {
    return this.body.message[locale()];
  }
  /** The API's problem with one input field, if it named that field. */
  fieldProblem(path: string): string | undefined {
    return this.body.details?.fields?.find((f) => f.path === path)?.problem;
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
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  const { payload, contentType } = encode(body);
  if (contentType) headers['Content-Type'] = contentType;
  if (WRITE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network', message: { vi: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.', en: 'Cannot reach the server. Check the network and retry.' } });
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (parsed as ApiErrorBody | undefined)?.error ?? {
      code: 'network',
      message: { vi: `Máy chủ trả lỗi ${response.status}.`, en: `The server answered ${response.status}.` },
    };
    // Sign-in failures are 401s too; only a lost session elsewhere resets the app's state.
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated();
    throw new ApiError(response.status, error);
  }
  return parsed as T;
}

export const getJson = <T>(path: string) => request<T>('GET', path);
export const postJson = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
export const patchJson = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const putJson = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
/** A multipart POST (files); `headers` carries e.g. the Idempotency-Key of a submission. */
export const postForm = <T>(path: string, form: FormData, headers: Record<string, string> = {}) => request<T>('POST', path, form, headers);
/** A POST whose body is text in its own format, e.g. a CSV file for an endpoint that reads the body as the file. */
export const postText = <T>(path: string, text: string, contentType: string) => request<T>('POST', path, new TextBody(text, contentType));

/** The message to show for any failure: the API's own words, or a generic line otherwise. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.localized : fallback;
}
