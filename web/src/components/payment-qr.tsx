import { createResource, Show } from 'solid-js';
import { renderSVG } from 'uqr';
import { answer, api, errorText, type Answer } from '../api.js';
import { formatNumber } from '../i18n/format.js';
import { t } from '../i18n/index.js';
import './payment-qr.css';

type PaymentQrApi = (typeof api.tenants)[':tenantId']['dossiers'][':dossierId']['payment-qr'];
export type PaymentQr = Answer<PaymentQrApi['$get']>;

/**
 * Whether a fee waits to be paid: the latest fee event of the history is a request. The API
 * decides the same way, so the QR is asked for only when it can be answered.
 */
export function feePending(events: readonly { kind: string }[]): boolean {
  return [...events].reverse().find((e) => e.kind === 'fee_requested' || e.kind === 'fee_paid')?.kind === 'fee_requested';
}

export const formatVnd = (amount: number) => `${formatNumber(amount)} ₫`;

/**
 * The fee to pay and its VietQR code: a banking app that scans it fills in the account, the
 * amount and the reference (the dossier code). Shown to the applicant and to officers, who may
 * show it at the counter.
 */
export function PaymentQrCard(props: { tenantId: string; dossierId: string }) {
  const [qr] = createResource(
    () => ({ tenantId: props.tenantId, dossierId: props.dossierId }),
    (param) => answer(api.tenants[':tenantId'].dossiers[':dossierId']['payment-qr'].$get({ param })),
  );
  return (
    <section class="payment-qr" aria-labelledby="payment-qr-heading" data-testid="payment-qr">
      <h2 id="payment-qr-heading">{t('paymentHeading')}</h2>
      <Show when={qr.state === 'errored'}>
        <p role="alert" class="error">
          {errorText(qr.error, t('loadFailed'))}
        </p>
      </Show>
      <Show when={qr()}>
        {(q) => (
          <div class="payment-qr-body">
            {/* uqr draws modules from the payload (ASCII the API built): no user text reaches innerHTML. */}
            <div class="payment-qr-code" role="img" aria-label={t('paymentQrLabel')} innerHTML={renderSVG(q().payload, { border: 2 })} />
            <div>
              <dl class="payment-qr-facts">
                <dt>{t('paymentAmount')}</dt>
                <dd data-testid="payment-amount">{formatVnd(q().amountVnd)}</dd>
                <dt>{t('paymentFor')}</dt>
                <dd>{q().description}</dd>
                <dt>{t('paymentReference')}</dt>
                <dd class="mono" data-testid="payment-reference">
                  {q().reference}
                </dd>
                <dt>{t('paymentAccount')}</dt>
                <dd class="mono">
                  {q().beneficiary.account} ({t('paymentBank')} {q().beneficiary.bin})
                </dd>
              </dl>
              <p>{t('paymentInstruction')}</p>
              <p class="muted">{t('paymentAfter')}</p>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}
