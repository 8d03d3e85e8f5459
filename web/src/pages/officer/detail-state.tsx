import { Match, Switch, type Accessor, type JSX, type Resource } from 'solid-js';
import { errorText } from '../../api.js';
import { loaded } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';

/** Loading, failure (the API's message, a retry) and loaded states of one record. */
export function DetailState<T>(props: { data: Resource<T>; retry: () => void; children: (value: Accessor<T>) => JSX.Element }) {
  return (
    <Switch>
      <Match when={props.data.state === 'errored'}>
        <div role="alert" class="error">
          {errorText(props.data.error, t('loadFailed'))}{' '}
          <button type="button" class="link-button" onClick={() => props.retry()}>{t('retry')}</button>
        </div>
      </Match>
      <Match when={loaded(props.data)}>{(value) => props.children(value)}</Match>
      <Match when={true}>
        <p aria-busy="true" class="muted">{t('loading')}</p>
      </Match>
    </Switch>
  );
}
