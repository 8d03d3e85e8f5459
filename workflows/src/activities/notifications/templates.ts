/** What a message may say: the dossier's public facts and the event's own content. */
export interface MessageFacts {
  code: string;
  procedureName: string;
  /** Instants already formatted in Vietnam time. */
  receivedAt: string;
  dueAt: string | null;
  statusText: string;
  content: Record<string, unknown>;
  /** The dossier's satisfaction survey on the portal, when it has an applicant account to rate it. */
  surveyUrl?: string | null;
}

export interface Message {
  subject: string;
  text: string;
  sms: string;
}

const METHODS: Record<string, string> = { in_person: 'trực tiếp tại Bộ phận một cửa', online: 'trực tuyến', postal: 'qua dịch vụ bưu chính' };
const str = (value: unknown, fallback = '') => (typeof value === 'string' && value.trim() ? value : fallback);
const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join('; ') : '');
const money = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('vi-VN') : '');

/**
 * The applicant's messages, in Vietnamese (docs/domain/dossier-lifecycle.md: intake, supplement request, overdue
 * apology (Form 04) and result). SMS texts are short; emails repeat them with the lookup hint.
 * No ID numbers or phone numbers are ever put in a message.
 */
export function renderMessage(template: string, f: MessageFacts): Message {
  const c = f.content;
  const due = f.dueAt ? ` Ngày hẹn trả kết quả: ${f.dueAt}.` : '';
  let sms: string;
  let subject: string;
  let invitation = '';
  switch (template) {
    case 'dossier.submitted':
      subject = `Đã nhận hồ sơ ${f.code}`;
      sms = `Hồ sơ ${f.code} (${f.procedureName}) đã được nộp lúc ${f.receivedAt}.${due}`;
      break;
    case 'dossier.accepted':
      subject = `Hồ sơ ${f.code} đã được tiếp nhận`;
      sms = `Hồ sơ ${f.code} đã được tiếp nhận và chuyển xử lý.${f.dueAt || str(c.dueAt) ? ` Ngày hẹn trả kết quả: ${f.dueAt ?? str(c.dueAt)}.` : ''}`;
      break;
    case 'dossier.refused':
      subject = `Hồ sơ ${f.code} không được tiếp nhận`;
      sms = `Hồ sơ ${f.code} bị từ chối tiếp nhận. Lý do: ${str(c.reason, 'không thuộc thẩm quyền')}.`;
      break;
    case 'dossier.supplement_requested':
      subject = `Yêu cầu bổ sung hồ sơ ${f.code}`;
      sms = `Hồ sơ ${f.code} cần bổ sung: ${list(c.items)}. Lý do: ${str(c.reason)}. Vui lòng nộp bổ sung để tiếp tục giải quyết.`;
      break;
    case 'dossier.fee_requested':
      subject = `Đề nghị nộp phí, lệ phí hồ sơ ${f.code}`;
      sms = `Hồ sơ ${f.code}: đề nghị nộp ${money(c.amountVnd)} đồng (${str(c.description)}).`;
      break;
    case 'dossier.apology':
      subject = `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${f.code}`;
      sms = `Chúng tôi xin lỗi vì hồ sơ ${f.code} chưa giải quyết đúng hẹn. Lý do: ${str(c.reason)}. Ngày hẹn trả mới: ${f.dueAt ?? str(c.newDueAt)}.`;
      break;
    case 'dossier.result_returned':
      subject = `Đã trả kết quả hồ sơ ${f.code}`;
      sms = `Hồ sơ ${f.code} đã có kết quả, trả ${METHODS[str(c.method)] ?? 'theo hình thức đã đăng ký'}.`;
      // The satisfaction survey opens now, on the dossier's page (docs/domain/feedback-and-reports.md):
      // the email links straight to it; the SMS stays one segment short, as each province pays per segment.
      invitation = f.surveyUrl
        ? `\n\nMời Ông/Bà đánh giá sự hài lòng về việc giải quyết hồ sơ tại: ${f.surveyUrl} (đăng nhập bằng tài khoản đã nộp hồ sơ).`
        : '\n\nMời Ông/Bà đánh giá sự hài lòng về việc giải quyết hồ sơ: đăng nhập bằng tài khoản đã nộp hồ sơ, mở mục "Hồ sơ của tôi" và chọn hồ sơ này.';
      break;
    default:
      subject = `Cập nhật hồ sơ ${f.code}`;
      sms = `Hồ sơ ${f.code}: ${f.statusText}.`;
  }
  const text = `Kính gửi Ông/Bà,\n\n${sms}${invitation}\n\nThủ tục: ${f.procedureName}.\nTra cứu tiến độ bằng mã hồ sơ ${f.code} và 4 số cuối số định danh cá nhân, hoặc quét mã QR trên giấy tiếp nhận.\n\nĐây là thư tự động, vui lòng không trả lời.`;
  return { subject, text, sms };
}

/** ZNS parameters hold at most 200 characters (30 for codes and labels); longer values are refused. */
const fit = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * The parameters of the approved ZNS templates (docs/domain/notifications.md#zalo): every template
 * has the same five, so one template per message kind differs only in its fixed wording. Values
 * are strings, as ZNS requires; no ID or phone numbers, like every other message.
 */
export function znsTemplateData(f: MessageFacts): Record<string, string> {
  return {
    dossier_code: fit(f.code, 30),
    procedure_name: fit(f.procedureName, 200),
    status: fit(f.statusText, 30),
    received_at: f.receivedAt,
    due_date: f.dueAt ?? '',
  };
}
