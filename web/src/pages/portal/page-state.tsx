import { Match, Switch, type JSX, type Resource } from 'solid-js';
import { loaded, LoadFailed } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { t } from '../../i18n/index.js';
import type { Page } from './portal-api.js';

/**
 * LoadState for a paged answer (`{ items, total, page, pageSize }`): loading, the API's error with
 * a retry, empty (`empty`, or a generic line), or the rows followed by the pager. A page past the
 * end of a non-empty list is not "empty": it keeps the pager, which leads back.
 */
export function PageState<T>(props: {
  data: Resource<Page<T>>;
  retry: () => void;
  onPage: (page: number) => void;
  empty?: JSX.Element;
  children: (items: () => T[]) => JSX.Element;
}) {
  const page = () => loaded(props.data);
  return (
    <Switch>
      <Match when={props.data.state === 'errored'}>
        <LoadFailed error={props.data.error as unknown} retry={props.retry} />
      </Match>
      <Match when={page()?.total === 0}>{props.empty ?? <p class="muted">{t('empty')}</p>}</Match>
      <Match when={page()}>
        {(p) => (
          <>
            {props.children(() => p().items)}
            <Pager page={p().page} pageSize={p().pageSize} total={p().total} onPage={props.onPage} />
          </>
        )}
      </Match>
      <Match when={props.data.loading}>
        <p aria-busy="true" class="muted">
          {t('loading')}
        </p>
      </Match>
    </Switch>
  );
}
