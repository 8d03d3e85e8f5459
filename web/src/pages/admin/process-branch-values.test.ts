import type { FormField } from '@gov/domain';
import { describe, expect, it } from 'vitest';
import { freshRule, nextOutcome, typedValue } from './process-branch-values.js';

describe('the designer’s branch rows', () => {
  it('gives a new outcome the first free key', () => {
    expect(
      nextOutcome(
        [
          { key: 'dong_y', label: 'Đồng ý', to: 'a' },
          { key: 'huong_3', label: 'x', to: 'a' },
        ],
        'b',
      ),
    ).toEqual({ key: 'huong_4', label: 'Hướng 4', to: 'b' });
    expect(nextOutcome([{ key: 'dong_y', label: 'Đồng ý', to: 'a' }], 'b').key).toBe('huong_2');
  });

  it('offers a new rule on a field with a value of its type', () => {
    const choice: FormField = { key: 'loai_dat', label: 'Loại đất', type: 'choice', options: ['Đất ở', 'Đất rừng'] };
    const yesNo: FormField = { key: 'tranh_chap', label: 'Tranh chấp', type: 'boolean' };
    expect(freshRule(choice, 'tham-dinh')).toEqual({ when: { field: 'loai_dat', op: 'eq', value: 'Đất ở' }, to: 'tham-dinh' });
    expect(freshRule(yesNo, 'x').when.value).toBe(true);
    expect(freshRule(undefined, 'x').when).toEqual({ field: '', op: 'eq', value: '' });
  });

  it('types what was typed by the field', () => {
    const number: FormField = { key: 'dien_tich', label: 'Diện tích', type: 'number' };
    expect(typedValue('500', number)).toBe(500);
    expect(typedValue('năm trăm', number)).toBe('năm trăm');
    expect(typedValue('500', undefined)).toBe('500');
  });
});
