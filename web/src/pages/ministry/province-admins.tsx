import { createResource, For, Show } from 'solid-js';
import { getJson } from '../../api.js';
import { loaded } from '../../components/load-state.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { AppointForm } from './appoint-form.js';
import { fill } from './types.js';

interface Assignment {
  id: string;
  fullName: string | null;
  role: string;
  grantedAt: string;
  reason: string | null;
}

const CAP = 3;

/** The province's admins against the cap of three, and (ministry admin only) the appointment form. */
export function ProvinceAdmins(props: { tenantId: string }) {
  const [admins, { refetch }] = createResource(
    () => props.tenantId,
    (id) => getJson<{ items: Assignment[] }>(`/api/tenants/${encodeURIComponent(id)}/role-assignments`).then((r) => r.items.filter((a) => a.role === 'province_admin')),
  );
  return (
    <section aria-labelledby="admins-heading" class="section-gap">
      <h2 id="admins-heading">{t('ministryAdminsHeading')}</h2>
      <Show when={loaded(admins)} fallback={<p class="muted" aria-busy={admins.loading}>{admins.error ? t('loadFailed') : t('loading')}</p>}>
        {(list) => (
          <>
            <p data-testid="admin-cap" class={list().length >= CAP ? 'note' : undefined}>
              {fill('ministryAdminCap', { n: list().length })}
              <Show when={list().length >= CAP}> {t('ministryAdminCapFull')}</Show>
            </p>
            <Show when={list().length > 0}>
              <ul data-testid="admin-list">
                <For each={list()}>{(a) => <li>{`${a.fullName ?? '—'} · ${t('ministryGrantedAt')} ${formatDate(a.grantedAt)}`}</li>}</For>
              </ul>
            </Show>
          </>
        )}
      </Show>
      <Show when={can('manage', 'Tenant')}>
        <AppointForm tenantId={props.tenantId} onAppointed={() => void refetch()} />
      </Show>
    </section>
  );
}
