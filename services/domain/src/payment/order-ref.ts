/**
 * The order reference (mã đơn hàng) sent to the payment platform: the province's code, the dossier
 * code and the payment attempt's id, joined by dots. The platform is one merchant for every
 * province, so its notification and its reconciliation list are told apart by the province code
 * first; the dossier code lets a person read it; the attempt id makes it unique.
 */
export interface OrderRef {
  tenantCode: string;
  dossierCode: string;
  paymentId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function formatOrderRef(ref: OrderRef): string {
  return `${ref.tenantCode}.${ref.dossierCode}.${ref.paymentId}`;
}

/** Null for anything that is not a reference this platform made. */
export function parseOrderRef(text: string): OrderRef | null {
  const first = text.indexOf('.');
  const last = text.lastIndexOf('.');
  if (first <= 0 || last <= first + 1) return null;
  const paymentId = text.slice(last + 1);
  if (!UUID.test(paymentId)) return null;
  return { tenantCode: text.slice(0, first), dossierCode: text.slice(first + 1, last), paymentId };
}
