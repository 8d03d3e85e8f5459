import { Navigate } from '@solidjs/router';
import { Match, Show, Switch, type JSX } from 'solid-js';
import { t } from '../i18n/index.js';
import { ready, session } from '../session/session.js';

/**
 * Gate for a signed-in area: waits for the session, sends visitors to sign in, and tells a
 * signed-in user without the right that the page is not theirs. The API refuses anyway; this
 * only avoids a page of errors.
 */
export function RequireAccess(props: { allowed: () => boolean; children: JSX.Element; refusal?: string }) {
  return (
    <Switch>
      <Match when={!ready()}>
        <p aria-busy="true">{t('loading')}</p>
      </Match>
      <Match when={!session()}>
        <Navigate href="/login" />
      </Match>
      <Match when={!props.allowed()}>
        <p role="alert" class="error">
          {props.refusal ?? t('notAllowed')}
        </p>
      </Match>
      <Match when={true}>{props.children}</Match>
    </Switch>
  );
}

/** The province admin console: the right, and a home province to administer. */
export function RequireConsole(props: { allowed: () => boolean; children: (tenantId: string) => JSX.Element }) {
  return (
    <RequireAccess allowed={() => Boolean(session()?.homeTenantId) && props.allowed()}>
      <Show when={session()?.homeTenantId}>{(tenantId) => props.children(tenantId())}</Show>
    </RequireAccess>
  );
}
