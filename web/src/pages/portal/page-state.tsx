import { Match, Switch, type JSX, type Resource } from 'solid-js';
import { loaded, LoadFailed } from '../../components/load-state.js';
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
        <LoadFailed error={props.data.error as unknown} retry={props.retry} />
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

