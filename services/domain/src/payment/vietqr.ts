import { conflict, type Message } from '../errors.js';

/**
 * VietQR: the EMVCo merchant-presented QR code as NAPAS profiles it for interbank transfers
 * (NAPAS 247). Every field is TLV: a 2-digit ID, a 2-digit length, the value. A banking app
 * that scans it fills in the beneficiary's bank and account, the amount and the transfer
 * content, so the applicant only confirms. Layout: docs/domain/fees-and-payment.md.
 */

/** NAPAS's application identifier in the merchant account template (ID 38). */
const NAPAS_GUID = 'A000000727';
/** Transfer to an account (QRIBFTTC would be to a card). */
const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
const MAX_AMOUNT_VND = 99_999_999_999;
/** Purpose of transaction (ID 62/08) is at most 25 characters. */
export const MAX_REFERENCE_LENGTH = 25;

export interface Beneficiary {
  /** The bank's 6-digit NAPAS BIN (e.g. 970436). */
  bin: string;
  /** Account number at that bank. */
  account: string;
}

export interface VietQrInput {
  beneficiary: Beneficiary;
  amountVnd: number;
  /** Transfer content the treasury reconciles on: the dossier code. */
  reference: string;
}

function tlv(id: string, value: string): string {
  if (value.length === 0 || value.length > 99) throw new Error(`VietQR field ${id} has length ${value.length}`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, initial 0xFFFF, no reflection, no final XOR), 4 hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The reference as bank apps carry it: Vietnamese letters lose their marks (đ → d), since
 * the field is ASCII only and many apps mangle anything else. What remains must be letters,
 * digits, space, dot, dash, slash or underscore.
 */
export function transferReference(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .trim();
  if (!/^[A-Za-z0-9 ._/-]+$/.test(folded))
    throw refused({
      vi: 'Nội dung chuyển khoản chỉ được chứa chữ không dấu, chữ số và . - _ /.',
      en: 'The transfer reference may hold only unaccented letters, digits and . - _ /.',
    });
  if (folded.length > MAX_REFERENCE_LENGTH)
    throw refused({
      vi: `Nội dung chuyển khoản dài quá ${MAX_REFERENCE_LENGTH} ký tự.`,
      en: `The transfer reference is longer than ${MAX_REFERENCE_LENGTH} characters.`,
    });
  return folded;
}

const refused = (message: Message) => conflict(message);

/**
 * `BIN:account`, optionally followed by a space and a label ("970436:0011000123456 KBNN tỉnh"),
 * is a beneficiary a QR can name. Older settings hold free text (an account's description):
 * they are kept, and give no QR (null).
 */
export function parseBeneficiaryAccount(setting: string | null | undefined): Beneficiary | null {
  const match = /^\s*(\d{6})\s*:\s*([A-Za-z0-9]{1,19})(?:\s.*)?$/s.exec(setting ?? '');
  return match ? { bin: match[1]!, account: match[2]! } : null;
}

/** Whether a setting that looks like `BIN:account` (starts with digits and a colon) is one. */
export function looksLikeBeneficiaryAccount(setting: string): boolean {
  return /^\s*\d+\s*:/.test(setting);
}

/** The QR payload (the text the QR code encodes), or a 409 naming what cannot be carried. */
export function vietQrPayload({ beneficiary, amountVnd, reference }: VietQrInput): string {
  if (!/^\d{6}$/.test(beneficiary.bin)) throw refused({ vi: 'Mã ngân hàng (BIN) phải gồm 6 chữ số.', en: 'The bank BIN must be 6 digits.' });
  if (!/^[A-Za-z0-9]{1,19}$/.test(beneficiary.account))
    throw refused({ vi: 'Số tài khoản thụ hưởng phải gồm 1–19 chữ cái hoặc chữ số.', en: 'The beneficiary account must be 1–19 letters or digits.' });
  if (!Number.isInteger(amountVnd) || amountVnd < 1 || amountVnd > MAX_AMOUNT_VND)
    throw refused({ vi: 'Số tiền phải là số nguyên từ 1 đến 99.999.999.999 đồng.', en: 'The amount must be a whole number of dong from 1 to 99,999,999,999.' });
  const merchant = tlv('00', NAPAS_GUID) + tlv('01', tlv('00', beneficiary.bin) + tlv('01', beneficiary.account)) + tlv('02', SERVICE_TO_ACCOUNT);
  const body =
    tlv('00', '01') +
    // 12: dynamic, the amount is fixed for this one payment.
    tlv('01', '12') +
    tlv('38', merchant) +
    tlv('53', '704') +
    tlv('54', String(amountVnd)) +
    tlv('58', 'VN') +
    tlv('62', tlv('08', transferReference(reference))) +
    '6304';
  return body + crc16CcittFalse(body);
}
