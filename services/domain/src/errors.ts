/** Bilingual text: Vietnamese is the first language of the UI and of user-facing errors. */
export interface Message {
  vi: string;
  en: string;
}

export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'too_large'
  | 'unsupported_media_type'
  | 'password_change_required'
  | 'second_factor_required'
  | 'rate_limited'
  | 'upstream_unavailable';

/**
 * Errors a service raises on purpose. The API's single error handler maps `code` to an HTTP
 * status and returns `message`; anything that is not a DomainError becomes an opaque 500.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: Message;
  readonly details: unknown;

  constructor(code: ErrorCode, message: Message, details?: unknown) {
    super(message.en);
    this.name = 'DomainError';
    this.code = code;
    this.userMessage = message;
    this.details = details;
  }
}

export const invalid = (message: Message, details?: unknown) => new DomainError('invalid', message, details);
export const forbidden = (message: Message) => new DomainError('forbidden', message);
export const notFound = (message: Message) => new DomainError('not_found', message);
export const conflict = (message: Message) => new DomainError('conflict', message);
/** A write based on a revision that is no longer the current one (412): someone else changed it. */
export const preconditionFailed = (message: Message) => new DomainError('precondition_failed', message);
/** A write to something admins edit, sent without saying which revision it was based on (428). */
export const preconditionRequired = (message: Message) => new DomainError('precondition_required', message);
/** A request body over the route's limit (413). */
export const tooLarge = (message: Message) => new DomainError('too_large', message);
/** A body in a format the operation does not read (415), e.g. a form sent where JSON is expected. */
export const unsupportedMediaType = (message: Message) => new DomainError('unsupported_media_type', message);
export const unauthenticated = (message: Message) => new DomainError('unauthenticated', message);
/** Too many attempts (429); the API sends `Retry-After` with the whole seconds to wait. */
export const rateLimited = (message: Message, retryAfterSeconds: number) =>
  new DomainError('rate_limited', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
/** An outside system the operation needs (a payment gateway …) did not answer (502); try again later. */
export const upstreamUnavailable = (message: Message) => new DomainError('upstream_unavailable', message);
/**
 * A 403 of its own: the session is valid but its password was set by an admin, so nothing but
 * signing out and changing the password is allowed; the web app routes to its change page on it.
 */
export const passwordChangeRequired = (message: Message) => new DomainError('password_change_required', message);
/**
 * A 403 of its own: an administrator's session has not yet passed the second factor (TOTP), so
 * nothing but the second-factor endpoints, /api/auth/me and signing out answers; the web app
 * routes to its enrolment or code page on it.
 */
export const secondFactorRequired = (message: Message) => new DomainError('second_factor_required', message);
