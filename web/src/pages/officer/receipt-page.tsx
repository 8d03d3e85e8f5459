import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, For } from 'solid-js';
import { renderSVG } from 'uqr';
import { answer, api } from '../../api.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatDateTime } from '../../i18n/format.js';
import { LoadOne } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { dossierPage } from './types.js';
import './officer.css';

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Form 01, Circular 01/2018/TT-VPCP), printable. */
export default function ReceiptPage() {
  const params = useParams<{ tenantId: string; dossierId: string }>();
  return (
    <RequireConsole allowed={() => can('read', 'Dossier')}>{() => <ReceiptView tenantId={params.tenantId} dossierId={params.dossierId} />}</RequireConsole>
  );
}

function ReceiptView(props: { tenantId: string; dossierId: string }) {
  const [receipt, { refetch }] = createResource(
    () => [props.tenantId, props.dossierId] as const,
    ([tenantId, dossierId]) => answer(api.tenants[':tenantId'].dossiers[':dossierId'].receipt.$get({ param: { tenantId, dossierId } })),
  );
  return (
    <LoadOne data={receipt} retry={() => void refetch()}>
      {(r) => {
        // The QR code opens the portal's public status page (/status/:token); the token is signed
        // and carries no personal data.
        const lookupUrl = createMemo(() => `${location.origin}/status/${encodeURIComponent(r().statusLookup.token)}`);
        const qr = createMemo(() => renderSVG(lookupUrl(), { border: 1 }));
        return (
          <>
            <div class="button-row no-print">
              <button type="button" class="primary" onClick={() => window.print()}>
                {t('officerPrint')}
              </button>
              <A class="link-button" href={dossierPage(props.tenantId, props.dossierId)}>
                {t('officerOpenDossier')}
              </A>
            </div>
            <article class="receipt" aria-labelledby="receipt-title" data-testid="receipt">
              <header class="receipt-top">
                <div class="receipt-agency">
                  <p class="receipt-unit">{r().receivingUnitName.toUpperCase()}</p>
                  <p>{t('officerFormOneStop')}</p>
                  <p>
                    {t('officerFormNumber')}: <span class="mono">{r().code}</span>
                  </p>
                </div>
                <div class="receipt-nation">
                  <p class="receipt-unit">{t('officerFormNation')}</p>
                  <p class="receipt-motto">{t('officerFormMotto')}</p>
                  <p class="receipt-date">{formatDateTime(r().receivedAt)}</p>
                </div>
              </header>
              <p class="receipt-form-no">{t('officerFormNo')}</p>
              <h1 id="receipt-title" class="receipt-title">
                {t('officerFormTitle')}
              </h1>
              <p class="receipt-code">
                {t('officerFormCode')}:{' '}
                <strong class="mono" data-testid="receipt-code">
                  {r().code}
                </strong>
              </p>
              <p>
                {r().receivingUnitName} {t('officerFormReceivedFrom')}: <strong>{r().applicantName}</strong>
              </p>
              <p>
                {t('officerFormRequest')}: {r().procedureName}
              </p>
              <p>
                {t('officerChannel')}: {r().channelText}
              </p>
              <p>1. {t('officerFormComponents')}:</p>
              <table class="receipt-table">
                <thead>
                  <tr>
                    <th scope="col">{t('officerFormIndex')}</th>
                    <th scope="col">{t('officerFormComponentName')}</th>
                    <th scope="col">{t('officerFormFiles')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().components}>
                    {(component, index) => (
                      <tr>
                        <td>{index() + 1}</td>
                        <td>{component.name}</td>
                        <td>{component.files.map((f) => f.fileName).join(', ')}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <p>
                2. {t('officerFormReceivedAt')}: <strong>{formatDateTime(r().receivedAt)}</strong>
              </p>
              <p>
                3. {t('officerFormReturnAt')}: <strong data-testid="receipt-promised">{formatDateTime(r().promisedReturnAt)}</strong>
              </p>
              <div class="receipt-qr">
                <div class="qr" data-testid="receipt-qr" role="img" aria-label={t('officerFormQrLabel')} innerHTML={qr()} />
                <div>
                  <p class="hint">{t('officerFormQrHint')}</p>
                  <a class="lookup-link" href={lookupUrl()} data-testid="receipt-lookup">
                    {lookupUrl()}
                  </a>
                </div>
              </div>
              <div class="receipt-signatures">
                <div>
                  <p class="receipt-unit">{t('officerFormApplicantSign')}</p>
                  <p class="hint">{t('officerFormSignHint')}</p>
                </div>
                <div>
                  <p class="receipt-unit">{t('officerFormOfficerSign')}</p>
                  <p class="hint">{t('officerFormSignHint')}</p>
                </div>
              </div>
            </article>
          </>
        );
      }}
    </LoadOne>
  );
}
