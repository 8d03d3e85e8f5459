import { DomainError, type FormField } from '@gov/domain';
import { describe, expect, it } from 'vitest';
import { checkFormData } from './form-data.js';

const fields: FormField[] = [
  { key: 'dien_tich', label: 'Diện tích (m²)', type: 'number', required: true },
  { key: 'loai_dat', label: 'Loại đất', type: 'choice', options: ['o', 'nong_nghiep'] },
  { key: 'tranh_chap', label: 'Đất có tranh chấp', type: 'boolean' },
];
const refusal = (data: Record<string, string | number | boolean>) => {
  try {
    checkFormData(fields, data);
  } catch (error) {
    if (error instanceof DomainError) return error.userMessage.vi;
    throw error;
  }
  return null;
};

describe('checkFormData', () => {
  it('keeps values that fit the declared fields', () => {
    expect(checkFormData(fields, { dien_tich: 120, loai_dat: 'o', tranh_chap: false })).toEqual({ dien_tich: 120, loai_dat: 'o', tranh_chap: false });
  });

  it('refuses a required field left out or empty, naming it', () => {
    expect(refusal({ loai_dat: 'o' })).toBe('Thông tin tờ khai "Diện tích (m²)": bắt buộc nhập.');
    expect(refusal({ dien_tich: '' })).toBe('Thông tin tờ khai "Diện tích (m²)": giá trị phải là số.');
  });

  it('refuses an undeclared field, a wrong type and an option not offered', () => {
    expect(refusal({ dien_tich: 1, so_tang: 2 })).toBe('Thông tin tờ khai "so_tang": tờ khai của thủ tục không có trường này.');
    expect(refusal({ dien_tich: 1, tranh_chap: 'có' })).toBe('Thông tin tờ khai "Đất có tranh chấp": giá trị phải là có/không.');
    expect(refusal({ dien_tich: 1, loai_dat: 'rung' })).toBe('Thông tin tờ khai "Loại đất": giá trị không nằm trong các lựa chọn.');
  });
});
