import { Navigate } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { t } from '../i18n/index.js';
import { ready, session } from '../session/session.js';

/**
 * Gate for the province admin console: waits for the session, sends visitors to sign in, and
 * tells a signed-in user without the right (or without a home province) that the page is not
 * theirs. The API refuses anyway; this only avoids a page of errors.
 */
export function RequireConsole(props: { allowed: () => boolean; children: (tenantId: string) => JSX.Element }) {
  return (
    <Switch>
      <Match when={!ready()}>
        <p aria-busy="true">{t('loading')}</p>
      </Match>
      <Match when={!session()}>
        <Navigate href="/login" />
      </Match>
      <Match when={!session()?.homeTenantId || !props.allowed()}>
        <p role="alert" class="error">{t('notAllowed')}</p>
      </Match>
      <Match when={session()?.homeTenantId}>{(tenantId) => props.children(tenantId())}</Match>
    </Switch>
  );
}
