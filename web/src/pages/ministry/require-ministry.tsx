import { Navigate } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { t } from '../../i18n/index.js';
import { ready, session } from '../../session/session.js';

/**
 * Gate for the ministry pages: waits for the session, sends visitors to sign in, and tells a
 * province officer or citizen the page is not theirs. The API refuses anyway (the reports need
 * the ministry's unconditional report right); this only avoids a page of errors.
 */
export function RequireMinistry(props: { children: JSX.Element }) {
  return (
    <Switch>
      <Match when={!ready()}>
        <p aria-busy="true">{t('loading')}</p>
      </Match>
      <Match when={!session()}>
        <Navigate href="/login" />
      </Match>
      <Match when={session()?.user.kind !== 'ministry'}>
        <p role="alert" class="error">{t('notAllowed')}</p>
      </Match>
      <Match when={session()?.user.kind === 'ministry'}>{props.children}</Match>
    </Switch>
  );
}
