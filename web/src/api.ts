import { locale } from './i18n/index.js';

export interface ApiErrorBody {
  error: { code: string; message: { vi: string; en: string }; requestId?: string };
}

/** An API failure carrying the message the API gave, in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody['error'],
  ) {
    super(body.message.en);
  }
  /** The API's own message in the current language. */
  get localized(): string {
    return this.body.message[locale()];
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as ApiErrorBody | undefined)?.error ?? {
      code: 'network',
      message: { vi: `Máy chủ trả lỗi ${response.status}.`, en: `The server answered ${response.status}.` },
    };
    throw new ApiError(response.status, error);
  }
  return body as T;
}
