import { RequireConsole } from '../../components/require-console.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { AuditLogView } from '../audit/audit-log-view.js';

/** Nhật ký thao tác: the province admin's own province. */
export default function AuditLogPage() {
  return (
    <RequireConsole allowed={() => can('read', 'AuditLog')}>
      {(tenantId) => (
        <section aria-labelledby="audit-heading">
          <h1 id="audit-heading">{t('auditLogHeading')}</h1>
          <p class="muted">{t('auditLogIntro')}</p>
          <AuditLogView tenantId={tenantId} headingId="audit-heading" />
        </section>
      )}
    </RequireConsole>
  );
}
