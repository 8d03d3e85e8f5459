import type { ParentProps } from 'solid-js';
import { locale, setLocale, t } from './i18n/index.js';

export function Layout(props: ParentProps) {
  return (
    <>
      <header class="app-header">
        <div>
          <h1 class="app-title">{t('appTitle')}</h1>
          <p class="app-subtitle">{t('appSubtitle')}</p>
        </div>
        <button type="button" class="link-button" onClick={() => setLocale(locale() === 'vi' ? 'en' : 'vi')}>
          {t('switchLanguage')}
        </button>
      </header>
      <main class="app-main">{props.children}</main>
    </>
  );
}
