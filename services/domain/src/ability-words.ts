import type { AppAction, AppSubject } from './ability.js';

type Words = { vi: string; en: string };

/**
 * The words a refusal uses for an action and a subject, so a person reads "giao vai trò" rather
 * than the internal names "grant" and "RoleAssignment". Exhaustive by type: a new action or
 * subject does not compile until it has its words.
 */
export const ACTION_WORDS: Record<AppAction, Words> = {
  manage: { vi: 'quản lý', en: 'manage' },
  read: { vi: 'xem', en: 'read' },
  create: { vi: 'tạo', en: 'create' },
  update: { vi: 'sửa', en: 'change' },
  delete: { vi: 'xóa', en: 'delete' },
  grant: { vi: 'giao', en: 'grant' },
  publish: { vi: 'ban hành', en: 'publish' },
  activate: { vi: 'áp dụng', en: 'activate' },
  receive: { vi: 'tiếp nhận', en: 'receive' },
  process: { vi: 'xử lý', en: 'process' },
  approve: { vi: 'phê duyệt', en: 'approve' },
  return_result: { vi: 'trả kết quả', en: 'return the result of' },
  answer: { vi: 'trả lời', en: 'answer' },
};

export const SUBJECT_WORDS: Record<AppSubject, Words> = {
  all: { vi: 'mọi dữ liệu', en: 'everything' },
  Tenant: { vi: 'tỉnh, thành phố', en: 'provinces' },
  OrgUnit: { vi: 'đơn vị', en: 'units' },
  User: { vi: 'tài khoản', en: 'accounts' },
  RoleAssignment: { vi: 'vai trò', en: 'roles' },
  Procedure: { vi: 'thủ tục hành chính', en: 'procedures' },
  ProcedureSetting: { vi: 'cấu hình thủ tục của tỉnh', en: "the province's procedure settings" },
  ProcessDefinition: { vi: 'quy trình điện tử', en: 'processes' },
  Calendar: { vi: 'lịch làm việc', en: 'working calendars' },
  Dossier: { vi: 'hồ sơ', en: 'dossiers' },
  Feedback: { vi: 'phản ánh, kiến nghị', en: 'feedback and complaints' },
  Report: { vi: 'báo cáo', en: 'reports' },
  AuditLog: { vi: 'nhật ký thao tác', en: 'the audit log' },
  Notification: { vi: 'cấu hình và số lượng thông báo', en: 'notification settings and usage' },
  PortalSync: { vi: 'đồng bộ Cổng Dịch vụ công quốc gia', en: 'the national portal sync' },
};

/** "Tài khoản của bạn không có quyền giao vai trò tại phạm vi này." and its English. */
export function refusalMessage(action: AppAction, subject: AppSubject): Words {
  const [a, s] = [ACTION_WORDS[action], SUBJECT_WORDS[subject]];
  return {
    vi: `Tài khoản của bạn không có quyền ${a.vi} ${s.vi} tại phạm vi này.`,
    en: `Your account may not ${a.en} ${s.en} here.`,
  };
}
