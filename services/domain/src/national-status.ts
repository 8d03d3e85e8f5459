import type { Message } from './errors.js';

/**
 * Dossier status codes synced to the national portal (docs/domain/statuses.md, codes as used by existing
 * provincial systems). Local sub-states sit below these.
 */
export const NATIONAL_STATUS = {
  1: { vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { vi: 'Đã tiếp nhận', en: 'Received' },
  3: { vi: 'Từ chối tiếp nhận', en: 'Refused at intake' },
  4: { vi: 'Đang xử lý', en: 'Processing' },
  5: { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Financial obligation requested' },
  7: { vi: 'Công dân rút hồ sơ', en: 'Withdrawn by applicant' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processing finished' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const satisfies Record<number, Message>;

export type NationalStatus = keyof typeof NATIONAL_STATUS;
