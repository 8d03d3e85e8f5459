import type { Message } from '@gov/domain';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';
import { PROBLEM_MEDIA_TYPE, PROBLEMS, problemType, type ProblemCode } from './problems.js';

export type Language = keyof Message;

/** One refused input field of a validation failure: a JSON Pointer into the body and why. */
export interface FieldError {
  pointer: string;
  field: string;
  detail: string;
}

/**
 * The person's language from `Accept-Language`: English only when it is preferred over
 * Vietnamese (or Vietnamese is absent); Vietnamese otherwise, the platform's first language.
 */
export function preferredLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((l) => l.q > 0 && (l.tag.startsWith('vi') || l.tag.startsWith('en')))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'vi';
}

const toPointer = (path: string) =>
  path
    ? `/${path
        .split('.')
        .map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1'))
        .join('/')}`
    : '';

/**
 * An RFC 9457 problem: `type`, `title`, `status`, `detail`, `instance`, and the extension
 * members `code` (the machine code clients switch on), `requestId`, `translations` (title and
 * detail in both languages), `errors` for validation, and whatever else the refusal carries
 * (e.g. `problems` of a process design).
 */
export function problem(
  c: Context<AppEnv>,
  args: { code: ProblemCode; detail: Message; fields?: { path: string; problem: string }[]; extensions?: Record<string, unknown> },
) {
  const language = preferredLanguage(c.req.header('Accept-Language'));
  const kind = PROBLEMS[args.code];
  const body = {
    ...args.extensions,
    type: problemType(args.code),
    title: kind.title[language],
    status: kind.status,
    detail: args.detail[language],
    instance: c.req.path,
    code: args.code,
    requestId: c.get('requestId'),
    // Both languages, so a page can switch language on an error it already shows.
    translations: { vi: { title: kind.title.vi, detail: args.detail.vi }, en: { title: kind.title.en, detail: args.detail.en } },
    ...(args.fields ? { errors: args.fields.map((f): FieldError => ({ pointer: `#${toPointer(f.path)}`, field: f.path, detail: f.problem })) } : {}),
  };
  c.header('Content-Language', language);
  c.header('Vary', 'Accept-Language', { append: true });
  return c.body(JSON.stringify(body), kind.status, { 'Content-Type': PROBLEM_MEDIA_TYPE });
}
