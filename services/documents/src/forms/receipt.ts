import { field, header, signatures, title, vnDateTime, type FormHeader } from '../common.js';
import { drawQr } from '../qr.js';
import type { FontFiles } from '../fonts.js';
import { FormWriter } from '../writer.js';

/** Form 01 as data (docs/domain/one-stop-forms.md). */
export interface ReceiptForm {
  header: FormHeader;
  code: string;
  applicantName: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  procedureName: string;
  channelText: string;
  /** What was handed in at intake, one row per component with its files. */
  components: { name: string; files: string[] }[];
  receivedAt: string;
  /** Never missing: no receipt without a return date. */
  promisedReturnAt: string;
  receiverName: string | null;
  /** The public status page the QR code opens. */
  lookupUrl: string;
}

const QR_SIZE = 92;

/** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export async function renderReceipt(fonts: FontFiles, f: ReceiptForm): Promise<Uint8Array> {
  const w = await FormWriter.create(fonts, { title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${f.code}` });
  header(w, f.header);
  title(w, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${f.code}`);
  // The QR code sits at the right of the applicant's details, which wrap beside it.
  const top = w.y;
  drawQr(w, f.lookupUrl, { x: w.left + w.width - QR_SIZE, y: top, size: QR_SIZE });
  const beside = { width: w.width - QR_SIZE - 10 };
  const line = (label: string, value: string | null) => w.text(`${label}: ${value?.trim() ? value : '..............................'}`, beside);
  line('Bộ phận tiếp nhận và trả kết quả', f.header.unitName);
  line('Tiếp nhận hồ sơ của', f.applicantName);
  line('Số điện thoại', f.applicantPhone);
  line('Thư điện tử', f.applicantEmail);
  w.y = Math.min(w.y, top - QR_SIZE - 2);
  w.text('Quét mã QR để tra cứu tình trạng hồ sơ', { size: 7.5, align: 'right' });
  field(w, 'Nội dung yêu cầu giải quyết', f.procedureName);
  field(w, 'Hình thức nộp', f.channelText);
  w.gap(4);
  w.text('1. Thành phần hồ sơ nộp gồm:');
  w.table(
    [
      { title: 'TT', weight: 1, align: 'center' },
      { title: 'Tên loại giấy tờ', weight: 6 },
      { title: 'Tệp đã nộp', weight: 5 },
    ],
    f.components.length === 0 ? [['', 'Không có giấy tờ kèm theo', '']] : f.components.map((c, i) => [String(i + 1), c.name, c.files.join('; ')]),
  );
  w.gap(6);
  w.text('2. Số lượng hồ sơ: 01 (bộ)');
  w.text(`3. Thời gian nhận hồ sơ: ${vnDateTime(f.receivedAt)}`);
  w.text(`4. Thời gian trả kết quả giải quyết hồ sơ: ${vnDateTime(f.promisedReturnAt)}`, { bold: true });
  w.text(`5. Tra cứu tình trạng hồ sơ: quét mã QR trên giấy này, hoặc nhập mã hồ sơ tại ${new URL(f.lookupUrl).origin}/status`);
  signatures(w, [
    { title: 'NGƯỜI NỘP HỒ SƠ', name: f.applicantName },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: f.receiverName },
  ]);
  return w.save();
}
