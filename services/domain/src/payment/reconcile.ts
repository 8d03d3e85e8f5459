/** One payment as one side of the reconciliation has it. */
export interface ReconciledPayment {
  orderRef: string;
  amountVnd: number;
  transactionNo: string | null;
}

export type PaymentDifference =
  | { kind: 'missing_here'; orderRef: string; theirs: ReconciledPayment }
  | { kind: 'missing_there'; orderRef: string; ours: ReconciledPayment }
  | { kind: 'amount_mismatch'; orderRef: string; ours: ReconciledPayment; theirs: ReconciledPayment };

/**
 * Đối soát: the day's payments as the gateway lists them against those recorded here, matched by
 * order reference. `missing_here` is money the gateway took that no dossier shows as paid (a lost
 * notification); `missing_there` a payment recorded here the gateway does not list.
 */
export function comparePayments(ours: readonly ReconciledPayment[], theirs: readonly ReconciledPayment[]): PaymentDifference[] {
  const mine = new Map(ours.map((p) => [p.orderRef, p]));
  const seen = new Set<string>();
  const differences: PaymentDifference[] = [];
  for (const t of theirs) {
    seen.add(t.orderRef);
    const o = mine.get(t.orderRef);
    if (!o) differences.push({ kind: 'missing_here', orderRef: t.orderRef, theirs: t });
    else if (o.amountVnd !== t.amountVnd) differences.push({ kind: 'amount_mismatch', orderRef: t.orderRef, ours: o, theirs: t });
  }
  for (const o of ours) if (!seen.has(o.orderRef)) differences.push({ kind: 'missing_there', orderRef: o.orderRef, ours: o });
  return differences;
}
