import type { FormField } from '@gov/domain';
import { describe, expect, it } from 'vitest';
import { declaredValues, inputName, inputValue } from './declared-fields.js';

const fields: FormField[] = [
  { key: 'dien_tich', label: 'Diện tích (m²)', type: 'number', required: true },
  { key: 'loai_dat', label: 'Loại đất', type: 'choice', options: ['Đất ở', 'Đất nông nghiệp'] },
  { key: 'tranh_chap', label: 'Đất có tranh chấp', type: 'boolean' },
  { key: 'ghi_chu', label: 'Ghi chú', type: 'text' },
];
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(inputName(key), value);
  return data;
};

describe('declaredValues', () => {
  it('reads each field in its type', () => {
    expect(declaredValues(form({ dien_tich: ' 120 ', loai_dat: 'Đất ở', tranh_chap: 'false', ghi_chu: ' gần chợ ' }), fields)).toEqual({
      dien_tich: 120,
      loai_dat: 'Đất ở',
      tranh_chap: false,
      ghi_chu: 'gần chợ',
    });
  });

  it('reads a decimal comma, leaves empty fields out and sends a non-number as typed for the API to refuse', () => {
    expect(declaredValues(form({ dien_tich: '12,5', tranh_chap: 'true', loai_dat: '' }), fields)).toEqual({ dien_tich: 12.5, tranh_chap: true });
    expect(declaredValues(form({ dien_tich: 'mười' }), fields)).toEqual({ dien_tich: 'mười' });
  });

  it('ignores inputs of fields the procedure does not declare', () => {
    expect(declaredValues(form({ so_tang: '3' }), fields)).toEqual({});
  });

  it('shows a stored value back in its input', () => {
    expect([inputValue(undefined), inputValue(12.5), inputValue(false), inputValue('Đất ở')]).toEqual(['', '12.5', 'false', 'Đất ở']);
  });
});
