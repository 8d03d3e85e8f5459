import { createResource, createSignal, For, Show } from 'solid-js';
import { ROLE_LABELS } from '@gov/domain';
import { getJson } from '../../api.js';
import { loaded, LoadState } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { locale, pick, t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { GrantForm } from './grant-form.js';
import { tenantPath, type Officer, type OrgUnit, type RoleAssignment } from './types.js';

/** Phân quyền: active role assignments and the grant form. */
export default function RolesPage() {
  return (
    <RequireConsole allowed={() => can('read', 'RoleAssignment')}>
      {(tenantId) => <Roles tenantId={tenantId} />}
    </RequireConsole>
  );
}

function Roles(props: { tenantId: string }) {
  const [assignments, { refetch }] = createResource(() =>
    getJson<{ items: RoleAssignment[] }>(tenantPath(props.tenantId, 'role-assignments')).then((r) => r.items),
  );
  // The grant form's pickers, fetched only when the user may grant.
  const [choices] = createResource(
    () => can('grant', 'RoleAssignment'),
    async () => {
      const [officers, units] = await Promise.all([
        getJson<{ items: Officer[] }>(tenantPath(props.tenantId, 'users')),
        getJson<{ items: OrgUnit[] }>(tenantPath(props.tenantId, 'org-units')),
      ]);
      return { officers: officers.items, units: units.items };
    },
  );
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale() === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <section aria-labelledby="roles-heading">
      <h1 id="roles-heading">{t('rolesHeading')}</h1>
      <p class="muted">{t('rolesIntro')}</p>
      <p role="status" class="notice">
        <Show when={notice()}>{(key) => t(key())}</Show>
      </p>
      <div class="two-col">
        <LoadState data={assignments} retry={() => void refetch()}>
          {(items) => (
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="roles-heading">
              <table class="data-table" data-testid="role-table">
                <thead>
                  <tr>
                    <th scope="col">{t('officer')}</th>
                    <th scope="col">{t('role')}</th>
                    <th scope="col">{t('unit')}</th>
                    <th scope="col">{t('grantedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={items()}>
                    {(a) => (
                      <tr>
                        <td>{a.fullName ?? '—'}</td>
                        <td>
                          <span class="cell-main">{pick(ROLE_LABELS[a.role])}</span>
                          <Show when={a.reason}>{(r) => <span class="cell-sub">{r()}</span>}</Show>
                        </td>
                        <td>{a.orgUnitName}</td>
                        <td>{date(a.grantedAt)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          )}
        </LoadState>
        <Show when={loaded(choices)}>
          {(c) => (
            <GrantForm
              tenantId={props.tenantId}
              officers={c().officers}
              units={c().units}
              onGranted={() => {
                setNotice('roleGranted');
                void refetch();
              }}
            />
          )}
        </Show>
      </div>
    </section>
  );
}
