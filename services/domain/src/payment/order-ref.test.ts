import { describe, expect, it } from 'vitest';
import { formatOrderRef, parseOrderRef } from './order-ref.js';

describe('order reference', () => {
  const ref = { tenantCode: '01', dossierCode: 'UB.BD-261206-0001', paymentId: '0b5e7c1a-3f4d-4c2e-9a7b-1c2d3e4f5a6b' };

  it('reads back what it wrote, dots in the dossier code included', () => {
    expect(formatOrderRef(ref)).toBe('01.UB.BD-261206-0001.0b5e7c1a-3f4d-4c2e-9a7b-1c2d3e4f5a6b');
    expect(parseOrderRef(formatOrderRef(ref))).toEqual(ref);
  });

  it('refuses references it did not make', () => {
    expect(parseOrderRef('01.UB-261206-0001')).toBeNull();
    expect(parseOrderRef('UB-261206-0001.0b5e7c1a-3f4d-4c2e-9a7b-1c2d3e4f5a6b')).toBeNull();
    expect(parseOrderRef('')).toBeNull();
  });
});
