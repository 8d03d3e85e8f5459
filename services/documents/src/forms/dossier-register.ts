import { header, title, vnDate, type FormHeader } from '../common.js';
import type { FontFiles } from '../fonts.js';
import { FormWriter } from '../writer.js';

export interface DossierRegisterRow {
  code: string;
  procedureName: string;
  applicantName: string;
  /** Phone and e-mail as the applicant gave them. */
  contact: string;
  handlingUnitName: string;
  receivedAt: string;
  promisedReturnAt: string | null;
  /** Handed on to another agency (liên thông), when. */
  handedOverAt: string | null;
  returnedAt: string | null;
  note: string;
}

/** Form 06 as data: the dossiers one unit received in a period. */
export interface DossierRegisterForm {
  header: FormHeader;
  /** Vietnam dates, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  rows: DossierRegisterRow[];
}

const civil = (date: string) => date.split('-').reverse().join('/');

/** Mẫu số 06: Sổ theo dõi hồ sơ, per receiving unit over a period, on landscape pages. */
export async function renderDossierRegister(fonts: FontFiles, f: DossierRegisterForm): Promise<Uint8Array> {
  const w = await FormWriter.create(fonts, { landscape: true, title: `Sổ theo dõi hồ sơ ${f.header.unitName} ${f.from} – ${f.to}` });
  header(w, f.header);
  title(w, 'SỔ THEO DÕI HỒ SƠ', `Từ ngày ${civil(f.from)} đến ngày ${civil(f.to)}`);
  w.table(
    [
      { title: 'TT', weight: 0.6, align: 'center' },
      { title: 'Mã hồ sơ', weight: 3 },
      { title: 'Tên thủ tục hành chính', weight: 2.1 },
      { title: 'Số bộ hồ sơ', weight: 0.9, align: 'center' },
      { title: 'Tên cá nhân, tổ chức', weight: 1.9 },
      { title: 'Địa chỉ, số điện thoại', weight: 2 },
      { title: 'Cơ quan chủ trì giải quyết', weight: 1.8 },
      { title: 'Ngày nhận hồ sơ', weight: 1.75, align: 'center' },
      { title: 'Hẹn trả kết quả', weight: 1.75, align: 'center' },
      { title: 'Chuyển hồ sơ đến cơ quan giải quyết', weight: 1.75, align: 'center' },
      { title: 'Ngày trả kết quả', weight: 1.75, align: 'center' },
      { title: 'Ký nhận', weight: 1.1 },
      { title: 'Ghi chú', weight: 1.6 },
    ],
    f.rows.length === 0
      ? [['', 'Không có hồ sơ nào trong kỳ', '', '', '', '', '', '', '', '', '', '', '']]
      : f.rows.map((r, i) => [
          String(i + 1),
          r.code,
          r.procedureName,
          '01',
          r.applicantName,
          r.contact,
          r.handlingUnitName,
          vnDate(r.receivedAt),
          r.promisedReturnAt ? vnDate(r.promisedReturnAt) : '',
          r.handedOverAt ? vnDate(r.handedOverAt) : '',
          r.returnedAt ? vnDate(r.returnedAt) : '',
          '',
          r.note,
        ]),
    { size: 7.5 },
  );
  return w.save();
}
