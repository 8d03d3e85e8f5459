import { DomainError, type ErrorCode } from '@gov/domain';
import type { Logger } from '@gov/runtime';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.js';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  password_change_required: 403,
};

/**
 * The single place errors become responses (STYLE.md rule 4). Domain errors carry their own
 * bilingual message; anything else is logged with the request id and answered with an opaque 500,
 * so SQL text, parameters and stacks never reach a client.
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const requestId = c.get('requestId');
    if (error instanceof DomainError) {
      return c.json(
        { error: { code: error.code, message: error.userMessage, details: error.details, requestId } },
        STATUS[error.code],
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Raised by Hono itself for what the client sent, e.g. a body that is not valid JSON.
      return c.json(
        {
          error: {
            code: 'invalid',
            message: {
              vi: 'Yêu cầu không hợp lệ: nội dung gửi lên không đọc được.',
              en: 'Invalid request: the body could not be read.',
            },
            requestId,
          },
        },
        error.status,
      );
    }
    logger.error({ requestId, err: error }, 'unhandled error');
    return c.json(
      {
        error: {
          code: 'internal',
          message: {
            vi: `Lỗi hệ thống. Vui lòng thử lại hoặc báo mã yêu cầu ${requestId} cho bộ phận hỗ trợ.`,
            en: `Internal error. Please retry or report request id ${requestId} to support.`,
          },
          requestId,
        },
      },
      500,
    );
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  c.json(
    {
      error: {
        code: 'not_found',
        message: {
          vi: `Không tìm thấy đường dẫn ${c.req.path}.`,
          en: `No such path: ${c.req.path}.`,
        },
        requestId: c.get('requestId'),
      },
    },
    404,
  );
