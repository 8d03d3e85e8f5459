import { field, header, signatures, title, vnDateTime, type FormHeader } from '../common.js';
import type { FontFiles } from '../fonts.js';
import { FormWriter } from '../writer.js';

/** Form 03 as data: the refusal at intake, with its reason. */
export interface RefusalForm {
  header: FormHeader;
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: string;
  refusedAt: string;
  reason: string;
  officerName: string | null;
}

/** Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export async function renderRefusal(fonts: FontFiles, f: RefusalForm): Promise<Uint8Array> {
  const w = await FormWriter.create(fonts, { title: `Phiếu từ chối tiếp nhận giải quyết hồ sơ ${f.code}` });
  header(w, f.header);
  title(w, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${f.code}`);
  w.text(`${f.header.unitName} tiếp nhận hồ sơ của: ${f.applicantName}`);
  field(w, 'Nội dung yêu cầu giải quyết', f.procedureName);
  field(w, 'Thời gian nộp hồ sơ', vnDateTime(f.receivedAt));
  w.gap(4);
  w.text(`Sau khi xem xét, ${f.header.unitName} thông báo không tiếp nhận, giải quyết hồ sơ này (${vnDateTime(f.refusedAt)}) với lý do cụ thể như sau:`);
  w.text(f.reason, { bold: true, x: w.left + 14, width: w.width - 14 });
  w.gap(4);
  w.text('Xin thông báo để Ông/Bà được biết và thực hiện./.');
  signatures(w, [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: f.officerName }]);
  return w.save();
}
