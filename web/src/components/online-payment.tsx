import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api, errorText, type Answer } from '../api.js';
import { t } from '../i18n/index.js';
import { formatVnd } from './payment-qr.js';

type PaymentsApi = (typeof api.tenants)[':tenantId']['dossiers'][':dossierId']['payments'];
export type DossierPayment = Answer<PaymentsApi['$get']>['items'][number];

/**
 * "Thanh toán trực tuyến": a new attempt at the national payment platform, then the browser goes
 * to the gateway's pay page. The gateway sends it back to the return page.
 */
export function PayOnlineButton(props: { tenantId: string; dossierId: string }) {
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const pay = async () => {
    setBusy(true);
    setError(null);
    try {
      const param = { tenantId: props.tenantId, dossierId: props.dossierId };
      const started = await answer(api.tenants[':tenantId'].dossiers[':dossierId']['online-payments'].$post({ param }));
      window.location.assign(started.payUrl);
    } catch (e) {
      setError(errorText(e, t('paymentOnlineFailed')));
      setBusy(false);
    }
  };
  return (
    <div class="payment-online" data-testid="pay-online">
      <button type="button" class="primary" disabled={busy()} onClick={() => void pay()}>
        {t('paymentOnline')}
      </button>
      <p class="muted">{t('paymentOnlineHint')}</p>
      <Show when={error()}>
        <p role="alert" class="error">
          {error()}
        </p>
      </Show>
    </div>
  );
}

/** The payments made on a dossier and their electronic receipts, for the applicant and officers. */
export function DossierPaymentsCard(props: { tenantId: string; dossierId: string }) {
  const [payments] = createResource(
    () => ({ tenantId: props.tenantId, dossierId: props.dossierId }),
    (param) => answer(api.tenants[':tenantId'].dossiers[':dossierId'].payments.$get({ param })),
  );
  return (
    <Show when={(payments()?.items.length ?? 0) > 0}>
      <section class="payment-list" aria-labelledby="payments-heading" data-testid="payments">
        <h2 id="payments-heading">{t('paymentsHeading')}</h2>
        <ul>
          <For each={payments()!.items}>{(p) => <PaymentLine payment={p} />}</For>
        </ul>
      </section>
    </Show>
  );
}

function PaymentLine(props: { payment: DossierPayment }) {
  const p = () => props.payment;
  const label = () => (p().status !== 'paid' ? t('paymentFailedAttempt') : p().method === 'online' ? t('paymentPaidOnline') : t('paymentPaidCounter'));
  return (
    <li data-testid="payment-line">
      <strong>{label()}</strong> {formatVnd(p().amountVnd)}
      <Show when={p().transactionNo}>
        {' '}
        — {t('paymentTransaction')} <span class="mono">{p().transactionNo}</span>
      </Show>
      <Show when={p().status === 'paid'}>
        <br />
        <Show when={p().receiptNo} fallback={<span class="muted">{t('paymentReceiptPending')}</span>}>
          {t('paymentReceipt')}{' '}
          <span class="mono" data-testid="receipt-no">
            {p().receiptNo}
          </span>{' '}
          ({t('paymentReceiptLookup')} <span class="mono">{p().receiptLookupCode}</span>)
          <Show when={p().receiptUrl}>
            {(url) => (
              <>
                {' '}
                <a href={url()} target="_blank" rel="noopener">
                  {t('paymentReceiptOpen')}
                </a>
              </>
            )}
          </Show>
        </Show>
      </Show>
    </li>
  );
}
