import { createSignal, Show } from 'solid-js';
import type { ApiError } from '../api.js';
import { t } from '../i18n/index.js';

// One notice for the whole app: the row or form that failed is often re-created by the reload
// that follows, so its own error line would vanish with it.
const [stale, setStale] = createSignal<ApiError | null>(null);

/** A write was refused because someone else changed the thing meanwhile; the page reloads it. */
export const announceStale = (refusal: ApiError | null) => setStale(refusal);

/** Says that someone else changed it, in the API's words, until dismissed or the next write. */
export function StaleNotice() {
  return (
    <Show when={stale()}>
      {(refusal) => (
        <div role="alert" class="stale-notice" data-testid="stale-notice">
          <span>
            {refusal().localized} {t('staleReloaded')}
          </span>
          <button type="button" class="link-button" onClick={() => setStale(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </Show>
  );
}
