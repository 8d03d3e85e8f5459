import { A } from '@solidjs/router';
import { renderSVG } from 'uqr';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { statusUrl, type Receipt } from './portal-api.js';

/** After filing: the receipt's data (Form 01) and the QR code that opens the public status page. */
export function ReceiptView(props: { receipt: Receipt }) {
  const url = () => statusUrl(props.receipt.statusLookup.token);
  return (
    <div class="portal-receipt" data-testid="receipt" role="status" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
      <h2 class="portal-subheading">{t('portalReceiptHeading')}</h2>
      <dl class="portal-facts">
        <dt>{t('portalDossierCode')}</dt>
        <dd class="mono" data-testid="receipt-code">
          {props.receipt.code}
        </dd>
        <dt>{t('portalProcedure')}</dt>
        <dd>{props.receipt.procedureName}</dd>
        <dt>{t('portalReceivedBy')}</dt>
        <dd>{props.receipt.receivingUnitName}</dd>
        <dt>{t('portalReceivedAt')}</dt>
        <dd>{formatDateTime(props.receipt.receivedAt)}</dd>
        <dt>{t('portalPromisedAt')}</dt>
        <dd data-testid="receipt-promised">{formatDate(props.receipt.promisedReturnAt)}</dd>
      </dl>
      <figure class="portal-qr">
        {/* uqr draws the code as an SVG string from the URL only: no user text reaches innerHTML. */}
        <div role="img" aria-label={t('portalQrLabel')} innerHTML={renderSVG(url(), { border: 2 })} />
        <figcaption>
          {t('portalQrHint')}{' '}
          <a href={url()} class="portal-qr-link">
            {url()}
          </a>
        </figcaption>
      </figure>
      <p>
        <A href="/portal/my-dossiers" class="button">
          {t('portalGoToMine')}
        </A>
      </p>
    </div>
  );
}
