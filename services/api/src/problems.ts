import type { ErrorCode, Message } from '@gov/domain';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Machine codes the API answers with: the domain's, plus those only the HTTP edge raises. */
export type ProblemCode = ErrorCode | 'internal' | 'unavailable';

interface ProblemKind {
  status: ContentfulStatusCode;
  /** Short, the same for every occurrence of the kind (RFC 9457 §3.1.3). */
  title: Message;
}

/**
 * The registry of problem types: one stable `type` URI per machine code. The URIs are names,
 * not addresses (RFC 9457 §3.1.1 allows that); docs/api/errors.md lists what each one means.
 * A URI, once published, never changes meaning; a new kind gets a new URI.
 */
export const PROBLEMS: Record<ProblemCode, ProblemKind> = {
  invalid: { status: 400, title: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid request' } },
  unauthenticated: { status: 401, title: { vi: 'Chưa đăng nhập', en: 'Not signed in' } },
  forbidden: { status: 403, title: { vi: 'Không có quyền', en: 'Not allowed' } },
  password_change_required: { status: 403, title: { vi: 'Cần đổi mật khẩu', en: 'Password change required' } },
  second_factor_required: { status: 403, title: { vi: 'Cần xác thực hai lớp', en: 'Second factor required' } },
  not_found: { status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  conflict: { status: 409, title: { vi: 'Xung đột trạng thái', en: 'Conflict' } },
  precondition_failed: { status: 412, title: { vi: 'Dữ liệu đã bị người khác thay đổi', en: 'Changed by someone else' } },
  precondition_required: { status: 428, title: { vi: 'Thiếu phiên bản dữ liệu', en: 'Revision required' } },
  too_large: { status: 413, title: { vi: 'Nội dung quá lớn', en: 'Content too large' } },
  unsupported_media_type: { status: 415, title: { vi: 'Định dạng nội dung không được hỗ trợ', en: 'Unsupported media type' } },
  rate_limited: { status: 429, title: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' } },
  upstream_unavailable: { status: 502, title: { vi: 'Hệ thống bên ngoài không phản hồi', en: 'Outside system unavailable' } },
  internal: { status: 500, title: { vi: 'Lỗi hệ thống', en: 'Internal error' } },
  unavailable: { status: 503, title: { vi: 'Hệ thống tạm thời gián đoạn', en: 'Temporarily unavailable' } },
};

export const problemType = (code: ProblemCode) => `urn:gov-one-stop:problem:${code.replaceAll('_', '-')}`;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
