import type { IssuedReceipt } from './einvoice-provider.js';
import type { GatewayTransaction, IpnTamper } from './payment-gateway.js';

/** The payment and e-invoice stand-ins' part of the control port, as tests use it. */
export function paymentStandInClient(controlUrl: string) {
  async function call<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${controlUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 500) throw new Error(`stand-ins answered ${response.status}`);
    return { status: response.status, body: (await response.json()) as T };
  }
  return {
    /** What the gateway was paid, with the merchant's answer to each of its notifications. */
    transactions: async () => (await call<GatewayTransaction[]>('/payment/transactions')).body,
    /** Sends the notification of the payment again; answers the merchant's reply (`RspCode`). */
    async resendIpn(txnRef: string, tamper: IpnTamper = 'none') {
      const { status, body } = await call<{ RspCode: string; Message: string }>('/payment/resend', { txnRef, tamper });
      if (status !== 200) throw new Error(`no payment ${txnRef} at the gateway stand-in`);
      return body;
    },
    /** Off: payments are made without notifying the merchant (a lost IPN). */
    async setIpnDelivery(on: boolean) {
      await call('/payment/notify', { on });
    },
    receipts: async () => (await call<IssuedReceipt[]>('/einvoice/receipts')).body,
  };
}
