import { createResource, For, Match, Switch } from 'solid-js';
import { ApiError, getJson } from '../api.js';
import { t } from '../i18n/index.js';

interface Province {
  id: string;
  code: string;
  name: string;
  fullName: string;
  kind: 'province' | 'municipality';
}

export function ProvincesPage() {
  const [provinces, { refetch }] = createResource(() =>
    getJson<{ items: Province[] }>('/api/provinces').then((r) => r.items),
  );
  const errorText = () => {
    const error = provinces.error as unknown;
    return error instanceof ApiError ? error.localized : t('loadFailed');
  };
  return (
    <section aria-labelledby="provinces-heading">
      <h2 id="provinces-heading">{t('provincesHeading')}</h2>
      <p>{t('provincesIntro')}</p>
      <Switch>
        <Match when={provinces.state === 'errored'}>
          <div role="alert" class="error">
            {errorText()}{' '}
            <button type="button" onClick={() => void refetch()}>
              {t('retry')}
            </button>
          </div>
        </Match>
        <Match when={provinces.loading}>
          <p aria-busy="true">{t('loading')}</p>
        </Match>
        <Match when={provinces()?.length === 0}>
          <p>{t('empty')}</p>
        </Match>
        <Match when={provinces()}>
          {(items) => (
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
                      <td>{p.fullName}</td>
                      <td>{p.kind === 'municipality' ? t('kindMunicipality') : t('kindProvince')}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          )}
        </Match>
      </Switch>
    </section>
  );
}
