import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { crc16CcittFalse, parseBeneficiaryAccount, transferReference, vietQrPayload } from './vietqr.js';

/** Splits a TLV string into [id, value] pairs, checking every length on the way. */
function fields(text: string): [string, string][] {
  const out: [string, string][] = [];
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    out.push([id, text.slice(at + 4, at + 4 + length)]);
    at += 4 + length;
  }
  expect(at).toBe(text.length);
  return out;
}

const input = { beneficiary: { bin: '970436', account: '0011000123456' }, amountVnd: 50_000, reference: 'H12.01-261206-0001' };

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the standard check value', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it('matches the CRC of a VietQR payload published by a bank-app library', () => {
    const published = '00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60';
    expect(crc16CcittFalse(published.slice(0, -4))).toBe('CD60');
  });
});

describe('vietQrPayload', () => {
  it('lays the fields out in order with their lengths, and ends with the CRC of all before it', () => {
    const payload = vietQrPayload(input);
    expect(fields(payload)).toEqual([
      ['00', '01'],
      ['01', '12'],
      ['38', '0010A000000727' + '0127' + '0006970436' + '0113' + '0011000123456' + '0208QRIBFTTA'],
      ['53', '704'],
      ['54', '50000'],
      ['58', 'VN'],
      ['62', '0818H12.01-261206-0001'],
      ['63', crc16CcittFalse(payload.slice(0, -4))],
    ]);
    expect(payload).toBe(
      '000201010212' +
        '38570010A0000007270127000697043601130011000123456' +
        '0208QRIBFTTA' +
        '5303704540550000' +
        '5802VN' +
        '62220818H12.01-261206-0001' +
        '6304' +
        crc16CcittFalse(payload.slice(0, -4)),
    );
  });

  it('nests the beneficiary (BIN, then account) inside the merchant account template', () => {
    const merchant = fields(fields(vietQrPayload(input)).find(([id]) => id === '38')![1]);
    expect(merchant).toEqual([
      ['00', 'A000000727'],
      ['01', '0006970436' + '0113' + '0011000123456'],
      ['02', 'QRIBFTTA'],
    ]);
    expect(fields(merchant[1]![1])).toEqual([
      ['00', '970436'],
      ['01', '0011000123456'],
    ]);
  });

  it('strips Vietnamese marks from the reference', () => {
    const payload = vietQrPayload({ ...input, reference: 'Phí hồ sơ Đất' });
    expect(fields(payload).find(([id]) => id === '62')![1]).toBe('0813Phi ho so Dat');
    expect(transferReference('  đăng ký  ')).toBe('dang ky');
  });

  it.each([
    ['a BIN that is not 6 digits', { ...input, beneficiary: { bin: '97043', account: '1' } }],
    ['an account with punctuation', { ...input, beneficiary: { bin: '970436', account: '0011-000' } }],
    ['an account of 20 characters', { ...input, beneficiary: { bin: '970436', account: '1'.repeat(20) } }],
    ['a zero amount', { ...input, amountVnd: 0 }],
    ['a fractional amount', { ...input, amountVnd: 1.5 }],
    ['an amount over 99,999,999,999', { ...input, amountVnd: 100_000_000_000 }],
    ['a reference of 26 characters', { ...input, reference: 'A'.repeat(26) }],
    ['a reference with non-Latin letters', { ...input, reference: 'Hồ sơ №1' }],
    ['an empty reference', { ...input, reference: '   ' }],
  ])('refuses %s with a Vietnamese message', (_, bad) => {
    let error: unknown;
    try {
      vietQrPayload(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((error as DomainError).userMessage.vi).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  });

  it('accepts the largest amount and a 19-character account', () => {
    const payload = vietQrPayload({ ...input, amountVnd: 99_999_999_999, beneficiary: { bin: '970436', account: 'A'.repeat(19) } });
    expect(fields(payload).find(([id]) => id === '54')![1]).toBe('99999999999');
  });
});

describe('parseBeneficiaryAccount', () => {
  it('reads BIN:account, with or without a label after it', () => {
    expect(parseBeneficiaryAccount('970436:0011000123456')).toEqual({ bin: '970436', account: '0011000123456' });
    expect(parseBeneficiaryAccount(' 970436 : 0011000123456 KBNN tỉnh ')).toEqual({ bin: '970436', account: '0011000123456' });
  });

  it('gives none for free text, a missing setting or a malformed BIN', () => {
    expect(parseBeneficiaryAccount('KBNN tỉnh - 3511')).toBeNull();
    expect(parseBeneficiaryAccount(null)).toBeNull();
    expect(parseBeneficiaryAccount('97043:0011000123456')).toBeNull();
    expect(parseBeneficiaryAccount('970436:')).toBeNull();
  });
});
