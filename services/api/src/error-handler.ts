import { DomainError } from '@gov/domain';
import type { Logger } from '@gov/runtime';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env.js';
import { problem } from './problem-response.js';
import { dependencyUnavailable } from './unavailable.js';

/** A PostgreSQL restart or failover takes seconds. */
const RETRY_AFTER_SECONDS = 2;

type Fields = { path: string; problem: string }[];

/** A domain error's details: `fields` become the problem's `errors`, the rest extension members. */
function splitDetails(details: unknown): { fields?: Fields; extensions?: Record<string, unknown> } {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return {};
  const { fields, ...extensions } = details as { fields?: Fields } & Record<string, unknown>;
  return { ...(fields ? { fields } : {}), extensions };
}

/**
 * The single place errors become responses (docs/code-conventions.md#errors), as RFC 9457 problems in the
 * person's language. Anything that is not a domain error or a client error Hono raised is logged
 * with the request id and answered with an opaque 500, so SQL text, parameters and stacks never
 * reach a client; except that PostgreSQL or Temporal out of reach is a 503 with Retry-After
 * (`unavailable`): nothing is wrong with the request, and it may be sent again in a moment.
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const requestId = c.get('requestId');
    if (error instanceof DomainError) {
      const wait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (error.code === 'rate_limited' && typeof wait === 'number') c.header('Retry-After', String(wait));
      return problem(c, { code: error.code, detail: error.userMessage, ...splitDetails(error.details) });
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Raised by Hono itself for what the client sent, e.g. a body that is not valid JSON.
      return problem(c, {
        code: error.status === 413 ? 'too_large' : 'invalid',
        detail: { vi: 'Yêu cầu không hợp lệ: nội dung gửi lên không đọc được.', en: 'Invalid request: the body could not be read.' },
      });
    }
    if (dependencyUnavailable(error)) {
      logger.warn({ requestId, err: error }, 'a dependency is out of reach');
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return problem(c, {
        code: 'unavailable',
        detail: {
          vi: 'Hệ thống đang tạm thời gián đoạn, vui lòng thử lại sau ít giây.',
          en: 'The platform cannot reach its database or workflow engine right now; try again in a few seconds.',
        },
      });
    }
    logger.error({ requestId, err: error }, 'unhandled error');
    return problem(c, {
      code: 'internal',
      detail: {
        vi: `Lỗi hệ thống. Vui lòng thử lại hoặc báo mã yêu cầu ${requestId} cho bộ phận hỗ trợ.`,
        en: `Internal error. Please retry or report request id ${requestId} to support.`,
      },
    });
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  problem(c, { code: 'not_found', detail: { vi: `Không tìm thấy đường dẫn ${c.req.path}.`, en: `No such path: ${c.req.path}.` } });
