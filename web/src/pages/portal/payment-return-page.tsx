import { A, useSearchParams } from '@solidjs/router';
import { createResource, Match, Show, Switch } from 'solid-js';
import { answer, api, errorText } from '../../api.js';
import { formatVnd } from '../../components/payment-qr.js';
import { t } from '../../i18n/index.js';
import './portal.css';

/**
 * Where the payment gateway sends the applicant back. It shows what the gateway's signed fields say
 * and what the platform recorded from the gateway's own notification, which alone makes the
 * payment count (docs/domain/fees-and-payment.md).
 */
export default function PaymentReturnPage() {
  const [search] = useSearchParams<Record<string, string>>();
  const fields = () => Object.fromEntries(Object.entries(search).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const [result] = createResource(fields, (query) => answer(api.payments.return.$get({ query })));
  const dossierLink = () => (search.tenantId && search.dossierId ? `/portal/my-dossiers/${search.tenantId}/${search.dossierId}` : '/portal/my-dossiers');
  return (
    <section aria-labelledby="payment-return-heading" class="portal" data-testid="payment-return">
      <h1 id="payment-return-heading">{t('paymentReturnHeading')}</h1>
      <Switch>
        <Match when={result.state === 'errored'}>
          <p role="alert" class="error">
            {errorText(result.error, t('loadFailed'))}
          </p>
        </Match>
        <Match when={result()}>
          {(r) => (
            <Switch fallback={<p role="status">{t('paymentReturnNotPaid')}</p>}>
              <Match when={!r().signatureValid}>
                <p role="alert" class="error">
                  {t('paymentReturnInvalid')}
                </p>
              </Match>
              <Match when={r().recorded === 'paid'}>
                <p role="status" class="notice" data-testid="payment-paid">
                  <strong>{t('paymentReturnPaid')}</strong>
                  <Show when={r().amountVnd}>{(amount) => <> — {formatVnd(amount())}</>}</Show>
                </p>
              </Match>
              <Match when={r().gatewaySaysPaid}>
                <p role="status">{t('paymentReturnWaiting')}</p>
              </Match>
            </Switch>
          )}
        </Match>
      </Switch>
      <p>
        <A href={dossierLink()}>{t('paymentReturnToDossier')}</A>
      </p>
    </section>
  );
}
