/** What each history entry is called on the control sheet (Form 05), in the forms' language. */
export const EVENT_WORDS: Record<string, string> = {
  submitted: 'Nộp hồ sơ',
  registered: 'Đăng ký hồ sơ',
  accepted: 'Tiếp nhận hồ sơ',
  refused: 'Từ chối tiếp nhận',
  supplement_requested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplement_submitted: 'Nộp bổ sung hồ sơ',
  assigned: 'Phân công xử lý',
  forwarded: 'Chuyển bước tiếp theo',
  returned_to_previous: 'Trả lại bước trước',
  handed_over: 'Chuyển hồ sơ liên thông',
  hand_over_received: 'Nhận hồ sơ liên thông',
  hand_over_returned: 'Nhận lại hồ sơ liên thông',
  handed_back: 'Chuyển trả hồ sơ liên thông',
  approved: 'Phê duyệt',
  fee_requested: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  fee_paid: 'Đã thực hiện nghĩa vụ tài chính',
  apology_issued: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  result_returned: 'Trả kết quả',
  stopped: 'Dừng xử lý',
  withdrawn: 'Công dân rút hồ sơ',
  intake_overdue: 'Quá hạn tiếp nhận',
  overdue: 'Quá hạn giải quyết',
  apology_overdue: 'Quá hạn ngày hẹn trả mới',
  step_overdue: 'Quá hạn bước xử lý',
};

/** Reminders only, not a hand-over or an action: left off the control sheet. */
export const UNLISTED_EVENTS = new Set(['near_due']);
