import { header, signatures, title, vnDate, vnDateTime, type FormHeader } from '../common.js';
import type { FontFiles } from '../fonts.js';
import { FormWriter } from '../writer.js';

/** Form 04 as data: the apology and the new return date, issued before the deadline passes. */
export interface ApologyForm {
  header: FormHeader;
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: string;
  /** The date promised before this letter (on the receipt, or in the previous letter). */
  previousDueAt: string | null;
  newDueAt: string;
  reason: string;
  officerName: string | null;
}

/** Mẫu số 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export async function renderApology(fonts: FontFiles, f: ApologyForm): Promise<Uint8Array> {
  const w = await FormWriter.create(fonts, { title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${f.code}` });
  header(w, f.header);
  title(w, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', `Mã hồ sơ: ${f.code}`);
  w.text(`Kính gửi: ${f.applicantName}`, { align: 'center' });
  w.gap(6);
  w.text(`Ngày ${vnDate(f.receivedAt)}, ${f.header.unitName} tiếp nhận hồ sơ của Ông/Bà, nội dung yêu cầu giải quyết: ${f.procedureName}.`);
  if (f.previousDueAt) w.text(`Ngày hẹn trả kết quả giải quyết hồ sơ: ${vnDateTime(f.previousDueAt)}.`);
  w.text(`Tuy nhiên đến nay, ${f.header.unitName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà. Lý do: ${f.reason}`);
  w.gap(4);
  w.text('Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi xin lỗi Ông/Bà và xin hẹn lại thời gian trả kết quả:');
  w.text(vnDateTime(f.newDueAt), { bold: true, align: 'center', size: 12 });
  w.gap(4);
  w.text('Xin trân trọng cảm ơn Ông/Bà./.');
  signatures(w, [{ title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: f.officerName }]);
  return w.save();
}
