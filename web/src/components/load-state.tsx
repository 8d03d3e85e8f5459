import { Match, Switch, type Accessor, type JSX, type Resource } from 'solid-js';
import { errorText } from '../api.js';
import { t } from '../i18n/index.js';

/** The resource's value once loaded (also while refreshing); never throws its error. */
export function loaded<T>(resource: Resource<T>): T | undefined {
  return resource.state === 'ready' || resource.state === 'refreshing' ? resource.latest : undefined;
}

/** A failed load: the API's own message and a retry. */
export function LoadFailed(props: { error: unknown; retry: () => void }) {
  return (
    <div role="alert" class="error">
      {errorText(props.error, t('loadFailed'))}{' '}
      <button type="button" class="link-button" onClick={() => props.retry()}>
        {t('retry')}
      </button>
    </div>
  );
}

/** Loading, failure and loaded states of one record (a dossier, a receipt). */
export function LoadOne<T>(props: { data: Resource<T>; retry: () => void; children: (value: Accessor<T>) => JSX.Element }) {
  return (
    <Switch>
      <Match when={props.data.state === 'errored'}>
        <LoadFailed error={props.data.error as unknown} retry={props.retry} />
      </Match>
      <Match when={loaded(props.data)}>{(value) => props.children(value)}</Match>
      <Match when={true}>
        <p aria-busy="true" class="muted">
          {t('loading')}
        </p>
      </Match>
    </Switch>
  );
}

/**
 * Loading, failure (with the API's message and a retry), empty and loaded states of one list. The
 * items go to `children` as an accessor so a refetch updates the list in place.
 */
export function LoadState<T>(props: { data: Resource<T[]>; retry: () => void; children: (items: () => T[]) => JSX.Element }) {
  return (
    <Switch>
      <Match when={props.data.state === 'errored'}>
        <LoadFailed error={props.data.error as unknown} retry={props.retry} />
      </Match>
      <Match when={loaded(props.data)?.length === 0}>
        <p class="muted">{t('empty')}</p>
      </Match>
      <Match when={loaded(props.data)}>{(items) => props.children(items)}</Match>
      <Match when={props.data.loading}>
        <p aria-busy="true" class="muted">
          {t('loading')}
        </p>
      </Match>
    </Switch>
  );
}
