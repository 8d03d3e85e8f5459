import { vietnamLocalDateTime } from '@gov/calendar';
import type { FormWriter } from './writer.js';

/** The top of every form: who issues it, and the national motto. */
export interface FormHeader {
  /** The governing authority, e.g. "UBND Thành phố Hà Nội" (printed in capitals). */
  authority: string;
  /** The issuing unit, e.g. "Bộ phận một cửa phường Ba Đình" (capitals, bold). */
  unitName: string;
  /** When the form is issued (ISO instant); printed as its Vietnam date. */
  issuedAt: string;
  /** The form's number line ("Số: …"), if it has one. */
  number?: string;
}

const parts = (iso: string) => {
  const [date = '', time = ''] = vietnamLocalDateTime(new Date(iso)).split('T');
  const [year, month, day] = date.split('-');
  const [hour, minute] = time.split(':');
  return { year, month, day, hour, minute };
};

/** `27/02/2026`: the Vietnam date of an instant. */
export function vnDate(iso: string): string {
  const { day, month, year } = parts(iso);
  return `${day}/${month}/${year}`;
}

/** `17 giờ 05 phút, ngày 27/02/2026`: an instant as the forms print it, in Vietnam time. */
export function vnDateTime(iso: string): string {
  const { hour, minute } = parts(iso);
  return `${hour} giờ ${minute} phút, ngày ${vnDate(iso)}`;
}

/** `ngày 27 tháng 02 năm 2026`: the dateline under the motto. */
export function vnDateline(iso: string): string {
  const { day, month, year } = parts(iso);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** Capitals as Vietnamese writes them (the default locale's rules suffice for Vietnamese). */
const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi-VN');

export function header(w: FormWriter, h: FormHeader) {
  const half = w.width / 2;
  w.columns([
    {
      x: w.left - 20,
      width: half,
      lines: [
        { text: upper(h.authority), style: { size: 10.5 } },
        { text: upper(h.unitName), style: { size: 10.5, bold: true } },
      ],
    },
    {
      x: w.left + half - 10,
      width: half + 20,
      lines: [
        { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style: { size: 10.5, bold: true } },
        { text: 'Độc lập - Tự do - Hạnh phúc', style: { size: 11, bold: true } },
      ],
    },
  ]);
  w.gap(4);
  w.columns([
    { x: w.left - 20, width: half, lines: h.number ? [{ text: `Số: ${h.number}`, style: { size: 10.5 } }] : [] },
    { x: w.left + half - 10, width: half + 20, lines: [{ text: vnDateline(h.issuedAt), style: { size: 10.5 } }] },
  ]);
  w.gap(14);
}

export function title(w: FormWriter, text: string, subtitle?: string) {
  w.text(text, { size: 13.5, bold: true, align: 'center' });
  if (subtitle) w.text(subtitle, { size: 11, align: 'center' });
  w.gap(10);
}

/** `Label: value` on one flowing line (wrapped under itself). */
export function field(w: FormWriter, label: string, value: string | null | undefined) {
  w.text(`${label}: ${value?.trim() ? value : '..............................'}`);
}

/** Signature blocks side by side: a title, "(ký, ghi rõ họ tên)", space to sign, the printed name. */
export function signatures(w: FormWriter, blocks: { title: string; note?: string; name?: string | null }[]) {
  w.gap(14);
  w.ensure(110);
  const width = w.width / blocks.length;
  w.columns(
    blocks.map((b, i) => ({
      x: w.left + i * width,
      width,
      lines: [
        { text: b.title, style: { bold: true, size: 10.5 } },
        { text: b.note ?? '(Ký và ghi rõ họ tên)', style: { size: 9.5 } },
        { text: ' ', style: { size: 30 } },
        { text: b.name ?? ' ', style: { bold: true, size: 10.5 } },
      ],
    })),
  );
}
