import { A, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n/index.js';
import { AuditLogView } from '../audit/audit-log-view.js';
import { MinistryReadsView } from '../audit/ministry-reads-view.js';
import { RequireMinistry } from './require-ministry.js';

/** The chosen province's audit log and the ministry's own reads of it, read only. */
export default function MinistryAuditLogPage() {
  const params = useParams<{ tenantId: string }>();
  return (
    <RequireMinistry>
      <Show when={params.tenantId}>
        {(id) => (
          <section aria-labelledby="audit-heading">
            <p>
              <A href={`/ministry/provinces/${encodeURIComponent(id())}`}>← {t('ministryBack')}</A>
            </p>
            <h1 id="audit-heading">{t('auditLogProvinceHeading')}</h1>
            <p class="muted">{t('auditLogIntro')}</p>
            <AuditLogView tenantId={id()} headingId="audit-heading" />
            <h2 id="reads-heading" class="section-gap">
              {t('auditReadsHeading')}
            </h2>
            <p class="muted">{t('auditReadsIntro')}</p>
            <MinistryReadsView tenantId={id()} headingId="reads-heading" />
          </section>
        )}
      </Show>
    </RequireMinistry>
  );
}
