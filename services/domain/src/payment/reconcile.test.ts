import { describe, expect, it } from 'vitest';
import { comparePayments } from './reconcile.js';

const p = (orderRef: string, amountVnd: number) => ({ orderRef, amountVnd, transactionNo: `T-${orderRef}` });

describe('comparePayments', () => {
  it('finds nothing when both sides list the same payments', () => {
    expect(comparePayments([p('a', 100), p('b', 200)], [p('b', 200), p('a', 100)])).toEqual([]);
  });

  it('names what is missing on each side and amounts that differ', () => {
    const differences = comparePayments([p('a', 100), p('c', 300)], [p('a', 150), p('b', 200)]);
    expect(differences.map((d) => [d.kind, d.orderRef])).toEqual([
      ['amount_mismatch', 'a'],
      ['missing_here', 'b'],
      ['missing_there', 'c'],
    ]);
  });
});
