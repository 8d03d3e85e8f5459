import { A } from '@solidjs/router';
import { t } from '../i18n/index.js';

export function NotFoundPage() {
  return (
    <section>
      <p>{t('notFound')}</p>
      <A href="/">{t('backHome')}</A>
    </section>
  );
}
