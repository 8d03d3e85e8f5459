import { Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import type { PublicStatus } from './portal-api.js';

/** A unit's public contact details, as the portal's reads and the status lookup carry them. */
export type UnitContactDetails = PublicStatus['receivingUnitContact'];

// The dial string of a hotline as written ("(024) 3825 1234" → "02438251234").
const dial = (hotline: string) => hotline.replace(/[^\d+]/g, '');
// The API stores https links only; checked again here so no other scheme can ever become a link.
const safeMap = (url: string | null) => (url?.startsWith('https://') ? url : null);

/**
 * Where to go (docs/domain/platform-and-tenants.md#what-is-public-about-a-unit): the desk's
 * address, hotline (dials on a phone), email, opening hours and map link. Only what the unit
 * published is shown; a unit with none says so rather than leaving the citizen guessing.
 */
export function UnitContactCard(props: { name: string; contact: UnitContactDetails }) {
  const c = () => props.contact;
  const any = () => Boolean(c().publicAddress || c().hotline || c().publicEmail || c().openingHours || safeMap(c().mapUrl));
  return (
    <div class="unit-contact" data-testid="unit-contact">
      <p class="unit-contact-name">
        <strong>{props.name}</strong>
      </p>
      <Show when={any()} fallback={<p class="muted">{t('portalUnitNoContact')}</p>}>
        <dl class="portal-facts">
          <Show when={c().publicAddress}>
            {(address) => (
              <>
                <dt>{t('portalUnitAddress')}</dt>
                <dd>{address()}</dd>
              </>
            )}
          </Show>
          <Show when={c().hotline}>
            {(hotline) => (
              <>
                <dt>{t('portalUnitHotline')}</dt>
                <dd>
                  <a href={`tel:${dial(hotline())}`}>{hotline()}</a>
                </dd>
              </>
            )}
          </Show>
          <Show when={c().publicEmail}>
            {(email) => (
              <>
                <dt>{t('portalUnitEmail')}</dt>
                <dd>
                  <a href={`mailto:${email()}`}>{email()}</a>
                </dd>
              </>
            )}
          </Show>
          <Show when={c().openingHours}>
            {(hours) => (
              <>
                <dt>{t('portalUnitHours')}</dt>
                <dd>{hours()}</dd>
              </>
            )}
          </Show>
        </dl>
        <Show when={safeMap(c().mapUrl)}>
          {(url) => (
            <p>
              <a href={url()} target="_blank" rel="noopener noreferrer">
                {t('portalUnitMap')}
                <span class="visually-hidden"> {t('portalUnitMapNewTab')}</span>
              </a>
            </p>
          )}
        </Show>
      </Show>
    </div>
  );
}
