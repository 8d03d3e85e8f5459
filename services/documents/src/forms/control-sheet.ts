import { field, header, title, vnDateTime, type FormHeader } from '../common.js';
import type { FontFiles } from '../fonts.js';
import { FormWriter } from '../writer.js';

/** One hand-over or action in the dossier's history, as the control sheet lists it. */
export interface ControlSheetRow {
  /** What happened, in words ("Tiếp nhận hồ sơ", "Chuyển liên thông" …). */
  action: string;
  /** The step the dossier left and the one it went to, by their names. */
  fromStep: string | null;
  toStep: string | null;
  unitName: string | null;
  actorName: string | null;
  at: string;
  /** The step's deadline and whether it was met (null: the step had none). */
  stepDueAt: string | null;
  deadlineMet: boolean | null;
  note: string | null;
}

/** Form 05 as data: every step, who, when, deadline met or not (docs/domain/one-stop-forms.md). */
export interface ControlSheetForm {
  header: FormHeader;
  code: string;
  procedureName: string;
  applicantName: string;
  receivedAt: string;
  promisedReturnAt: string | null;
  handlingUnitName: string;
  coordinatingUnitNames: string[];
  rows: ControlSheetRow[];
}

/** "Trước hạn" when done on an earlier Vietnam day than the deadline, "Đúng hạn" on the day, "Quá hạn" after. */
function resultText(row: ControlSheetRow): string {
  if (row.deadlineMet === null || row.stepDueAt === null) return '';
  if (!row.deadlineMet) return 'Quá hạn';
  return vnDateTime(row.at).slice(-10) === vnDateTime(row.stepDueAt).slice(-10) ? 'Đúng hạn' : 'Trước hạn';
}

/** Mẫu số 05: Phiếu kiểm soát quá trình giải quyết hồ sơ; travels with the dossier between agencies. */
export async function renderControlSheet(fonts: FontFiles, f: ControlSheetForm): Promise<Uint8Array> {
  const w = await FormWriter.create(fonts, { title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${f.code}` });
  header(w, f.header);
  title(w, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${f.code}`);
  w.text(`(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số ${f.code})`, { size: 9.5, align: 'center' });
  w.gap(4);
  field(w, 'Hồ sơ của', f.applicantName);
  field(w, 'Nội dung yêu cầu giải quyết', f.procedureName);
  field(w, 'Thời gian nhận hồ sơ', vnDateTime(f.receivedAt));
  field(w, 'Hẹn trả kết quả', f.promisedReturnAt ? vnDateTime(f.promisedReturnAt) : null);
  field(w, 'Cơ quan (bộ phận) giải quyết hồ sơ', f.handlingUnitName);
  field(w, 'Cơ quan phối hợp giải quyết hồ sơ', f.coordinatingUnitNames.join('; ') || 'Không');
  w.gap(6);
  w.table(
    [
      { title: 'TT', weight: 0.6, align: 'center' },
      { title: 'Thời gian giao, nhận', weight: 2.2 },
      { title: 'Nội dung (bước)', weight: 2.8 },
      { title: 'Cơ quan, người thực hiện', weight: 2.6 },
      { title: 'Hạn của bước', weight: 2 },
      { title: 'Kết quả', weight: 1.6, align: 'center' },
    ],
    f.rows.map((row, i) => [
      String(i + 1),
      vnDateTime(row.at),
      [row.action, row.fromStep || row.toStep ? `${row.fromStep ?? '—'} → ${row.toStep ?? '—'}` : '', row.note ?? ''].filter(Boolean).join('\n'),
      [row.unitName, row.actorName].filter(Boolean).join('\n'),
      row.stepDueAt ? vnDateTime(row.stepDueAt) : '',
      resultText(row),
    ]),
  );
  w.gap(6);
  w.text('Ghi chú: Kết quả giải quyết của mỗi bước (trước hạn, đúng hạn, quá hạn) được ghi khi bước đó kết thúc.', { size: 9 });
  return w.save();
}
