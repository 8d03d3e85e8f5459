import { field, header, signatures, title, vnDateTime, type FormHeader } from '../common.js';
import type { FontFiles } from '../fonts.js';
import { FormWriter } from '../writer.js';

/** Form 02 as data: what the officer asked for, once, in writing. */
export interface SupplementRequestForm {
  header: FormHeader;
  code: string;
  applicantName: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  procedureName: string;
  receivedAt: string;
  requestedAt: string;
  items: string[];
  reason: string;
  officerName: string | null;
}

/** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export async function renderSupplementRequest(fonts: FontFiles, f: SupplementRequestForm): Promise<Uint8Array> {
  const w = await FormWriter.create(fonts, { title: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ${f.code}` });
  header(w, f.header);
  title(w, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', `Mã hồ sơ: ${f.code}`);
  field(w, 'Hồ sơ của', f.applicantName);
  field(w, 'Nội dung yêu cầu giải quyết', f.procedureName);
  field(w, 'Số điện thoại', f.applicantPhone);
  field(w, 'Thư điện tử', f.applicantEmail);
  field(w, 'Ngày tiếp nhận', vnDateTime(f.receivedAt));
  w.gap(4);
  w.text('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
  f.items.forEach((item, i) => w.text(`${i + 1}. ${item}`, { x: w.left + 14, width: w.width - 14 }));
  w.gap(4);
  field(w, 'Lý do', f.reason);
  w.gap(4);
  w.text(
    `Yêu cầu được lập lúc ${vnDateTime(f.requestedAt)}. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${f.header.unitName} để được hướng dẫn.`,
  );
  signatures(w, [{ title: 'NGƯỜI HƯỚNG DẪN', name: f.officerName }]);
  return w.save();
}
