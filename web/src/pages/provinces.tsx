import { A } from '@solidjs/router';
import { createResource, createSignal, For, lazy, Show } from 'solid-js';
import { answer, api } from '../api.js';
import { LoadState } from '../components/load-state.js';
import { t } from '../i18n/index.js';
import { can, session } from '../session/session.js';

// Only ministry admins ever open it, so it stays out of the first screen's JavaScript.
const ProvinceForm = lazy(() => import('./ministry/province-form.js'));

/**
 * The provinces (public reference data). Ministry staff land on their dashboard instead; here
 * each province opens its read-only drill-down, and a ministry admin may add a province.
 */
export function ProvincesPage() {
  const [provinces, { refetch }] = createResource(() => answer(api.provinces.$get()).then((r) => r.items));
  const [adding, setAdding] = createSignal(false);
  return (
    <section aria-labelledby="provinces-heading">
      <h1 id="provinces-heading">{t('provincesHeading')}</h1>
      <p>{t('provincesIntro')}</p>
      <Show when={session()?.user.kind === 'ministry'}>
        <p class="note" data-testid="oversight-note">
          {t('oversightNote')}
        </p>
      </Show>
      <Show when={can('create', 'Tenant')}>
        <Show
          when={adding()}
          fallback={
            <button type="button" class="primary" onClick={() => setAdding(true)}>
              {t('addProvince')}
            </button>
          }
        >
          <ProvinceForm
            onDone={(created) => {
              setAdding(false);
              if (created) void refetch();
            }}
          />
        </Show>
      </Show>
      <LoadState data={provinces} retry={() => void refetch()}>
        {(items) => (
          <div class="table-scroll">
            <table class="data-table" data-testid="province-table">
              <thead>
                <tr>
                  <th scope="col">{t('code')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('kind')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={items()}>
                  {(p) => (
                    <tr>
                      <td>{p.code}</td>
                      <td>
                        {/* Ministry staff drill down into a province, read only. */}
                        <Show when={session()?.user.kind === 'ministry'} fallback={p.fullName}>
                          <A href={`/ministry/provinces/${p.id}`}>{p.fullName}</A>
                        </Show>
                      </td>
                      <td>{p.kind === 'municipality' ? t('kindMunicipality') : t('kindProvince')}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
    </section>
  );
}
