import { Match, Switch, type JSX, type Resource } from 'solid-js';
import { errorText } from '../../api.js';
import { loaded } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { t } from '../../i18n/index.js';
import type { Page } from './portal-api.js';

/**
 * LoadState for a paged answer (`{ items, total, page, pageSize }`): loading, the API's error with
 * a retry, empty, or the rows followed by the pager.
 */
export function PageState<T>(props: { data: Resource<Page<T>>; retry: () => void; onPage: (page: number) => void; children: (items: () => T[]) => JSX.Element }) {
  const page = () => loaded(props.data);
  return (
    <Switch>
      <Match when={props.data.state === 'errored'}>
        <div role="alert" class="error">
          {errorText(props.data.error, t('loadFailed'))}{' '}
          <button type="button" class="link-button" onClick={() => props.retry()}>{t('retry')}</button>
        </div>
      </Match>
      <Match when={page()?.items.length === 0}>
        <p class="muted">{t('empty')}</p>
      </Match>
      <Match when={page()}>
        {(p) => (
          <>
            {props.children(() => p().items)}
            <Pager page={p().page} pageSize={p().pageSize} total={p().total} onPage={props.onPage} />
          </>
        )}
      </Match>
      <Match when={props.data.loading}>
        <p aria-busy="true" class="muted">{t('loading')}</p>
      </Match>
    </Switch>
  );
}

