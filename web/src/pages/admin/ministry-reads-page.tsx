import { RequireConsole } from '../../components/require-console.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { MinistryReadsView } from '../audit/ministry-reads-view.js';

/** Bộ đã xem dữ liệu của tỉnh: the province admin sees who at the ministry read their province. */
export default function MinistryReadsPage() {
  return (
    <RequireConsole allowed={() => can('read', 'AuditLog')}>
      {(tenantId) => (
        <section aria-labelledby="reads-heading">
          <h1 id="reads-heading">{t('auditReadsHeading')}</h1>
          <p class="muted">{t('auditReadsIntro')}</p>
          <MinistryReadsView tenantId={tenantId} headingId="reads-heading" />
        </section>
      )}
    </RequireConsole>
  );
}
