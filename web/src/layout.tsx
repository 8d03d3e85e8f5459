import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { locale, setLocale, t } from './i18n/index.js';
import { CHANGE_PASSWORD_PATH, SECOND_FACTOR_PATH, SESSIONS_PATH, visibleNav } from './nav.js';
import { ready, session, signOut } from './session/session.js';
import { StaleNotice } from './components/stale-notice.js';

export function Layout(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();
  // One guard for every page, on sign-in and on any reload: while an administrator has not passed
  // the second factor, or the password is one an admin set, the API refuses everything else, so
  // that step's page is the only page to show (the second factor first, as the API asks it first).
  createEffect(() => {
    if (session()?.secondFactor) {
      if (location.pathname !== SECOND_FACTOR_PATH) navigate(SECOND_FACTOR_PATH, { replace: true });
      return;
    }
    if (session()?.passwordChangeRequired && location.pathname !== CHANGE_PASSWORD_PATH) navigate(CHANGE_PASSWORD_PATH, { replace: true });
  });
  const logout = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="app-header">
        <div class="brand">
          <p class="app-title">{t('appTitle')}</p>
          <p class="app-subtitle">{t('appSubtitle')}</p>
        </div>
        <div class="header-tools">
          {/* Nothing until /api/auth/me answers, so a signed-in reload does not flash "sign in". */}
          <Show
            when={session()}
            fallback={
              <Show when={ready()}>
                <A href="/login" class="link-button">
                  {t('signIn')}
                </A>
              </Show>
            }
          >
            {(s) => (
              <span class="user-box">
                <span class="visually-hidden">{t('signedInAs')} </span>
                <span data-testid="user-name">{s().user.displayName}</span>
                <A href={CHANGE_PASSWORD_PATH} class="link-button">
                  {t('changePassword')}
                </A>
                <A href={SESSIONS_PATH} class="link-button" data-testid="sessions-link">
                  {t('mySessions')}
                </A>
                <button type="button" class="link-button" onClick={() => void logout()}>
                  {t('signOut')}
                </button>
              </span>
            )}
          </Show>
          <button type="button" class="link-button" lang={locale() === 'vi' ? 'en' : 'vi'} onClick={() => setLocale(locale() === 'vi' ? 'en' : 'vi')}>
            {t('switchLanguage')}
          </button>
        </div>
      </header>
      <nav class="app-nav" aria-label={t('mainNav')}>
        <ul>
          <For each={visibleNav()}>
            {(item) => (
              <li>
                <A href={item.href} end activeClass="active">
                  {t(item.label)}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <main id="main" class="app-main" tabindex="-1">
        <StaleNotice />
        {props.children}
      </main>
    </>
  );
}
