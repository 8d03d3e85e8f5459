import { createResource, createSignal, Show } from 'solid-js';
import { MAX_PROVINCE_ADMINS, NEVER_DELEGATED, ROLE_LABELS } from '@gov/domain';
import { answer, api, basedOn, type Body } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { loaded, LoadState } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { pick, t, type MessageKey } from '../../i18n/index.js';
import { can, session } from '../../session/session.js';
import { GrantForm } from './grant-form.js';
import { StepDown } from './step-down.js';
import { type RoleAssignment } from './types.js';
import { FormFooter } from '../../components/form-footer.js';

/** Phân quyền: active role assignments, the province-admin cap, grant and revoke. */
export default function RolesPage() {
  return <RequireConsole allowed={() => can('read', 'RoleAssignment')}>{(tenantId) => <Roles tenantId={tenantId} />}</RequireConsole>;
}

function Roles(props: { tenantId: string }) {
  const [assignments, { refetch }] = createResource(() =>
    answer(api.tenants[':tenantId']['role-assignments'].$get({ param: { tenantId: props.tenantId } })).then((r) => r.items),
  );
  // The grant form's pickers, fetched only when the user may grant.
  const [choices] = createResource(
    () => can('grant', 'RoleAssignment'),
    async () => {
      const [officers, units] = await Promise.all([
        answer(api.tenants[':tenantId'].users.$get({ param: { tenantId: props.tenantId }, query: {} })),
        answer(api.tenants[':tenantId']['org-units'].$get({ param: { tenantId: props.tenantId } })),
      ]);
      return { officers: officers.items, units: units.items };
    },
  );
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  const [revoking, setRevoking] = createSignal<RoleAssignment | null>(null);
  const admins = () => loaded(assignments)?.filter((a) => a.role === 'province_admin').length;
  // Offered to a province admin about their own seat only.
  const holdsSeat = () => loaded(assignments)?.some((a) => a.role === 'province_admin' && a.userId === session()?.user.userId) ?? false;
  // Roles the ministry alone grants and revokes (province admins): no revoke button here.
  const mayRevoke = (a: RoleAssignment) => can('grant', 'RoleAssignment', { tenantId: props.tenantId }) && !NEVER_DELEGATED.includes(a.role);
  return (
    <section aria-labelledby="roles-heading">
      <h1 id="roles-heading">{t('rolesHeading')}</h1>
      <p class="muted">{t('rolesIntro')}</p>
      <Show when={admins() !== undefined}>
        <p class="note" data-testid="admin-cap">
          <strong>{`${t('adminCapLabel')}: ${formatNumber(admins() ?? 0)}/${formatNumber(MAX_PROVINCE_ADMINS)}`}</strong>{' '}
          {(admins() ?? 0) >= MAX_PROVINCE_ADMINS ? t('adminCapFull') : t('adminCapRule')}
        </p>
      </Show>
      <Show when={holdsSeat()}>
        <StepDown
          tenantId={props.tenantId}
          onDone={() => {
            setNotice('adminSteppedDown');
            void refetch();
          }}
        />
      </Show>
      <p role="status" class="notice">
        <Show when={notice()}>{(key) => <>{t(key())}</>}</Show>
      </p>
      <div class="two-col">
        <div>
          <LoadState data={assignments} retry={() => void refetch()}>
            {(items) => (
              <DataTable
                labelledBy="roles-heading"
                testId="role-table"
                rows={items()}
                columns={[
                  { header: t('officer'), cell: (a) => a.fullName ?? '—' },
                  {
                    header: t('role'),
                    cell: (a) => (
                      <>
                        <span class="cell-main">{pick(ROLE_LABELS[a.role])}</span>
                        <Show when={a.reason}>{(r) => <span class="cell-sub">{r()}</span>}</Show>
                      </>
                    ),
                  },
                  { header: t('unit'), cell: (a) => a.orgUnitName },
                  { header: t('grantedAt'), cell: (a) => formatDate(a.grantedAt) },
                  {
                    header: t('adminActions'),
                    cell: (a) => (
                      <Show when={mayRevoke(a)} fallback={<span class="muted">—</span>}>
                        <button
                          type="button"
                          class="link-button"
                          onClick={() => setRevoking(a)}
                          aria-label={`${t('adminRevoke')}: ${pick(ROLE_LABELS[a.role])} – ${a.fullName ?? ''}`}
                        >
                          {t('adminRevoke')}
                        </button>
                      </Show>
                    ),
                  },
                ]}
              />
            )}
          </LoadState>
          <Show when={revoking()}>
            {(a) => (
              <RevokeForm
                tenantId={props.tenantId}
                assignment={a()}
                onClose={() => setRevoking(null)}
                onDone={() => {
                  setRevoking(null);
                  setNotice('adminRoleRevoked');
                  void refetch();
                }}
              />
            )}
          </Show>
        </div>
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

/** Thu hồi vai trò: the reason is required and kept with the revoked row. */
function RevokeForm(props: { tenantId: string; assignment: RoleAssignment; onClose: () => void; onDone: () => void }) {
  // Stale (someone else changed the assignment): the list reloads, as after a revoke.
  const revoke = createAction(
    async (values: Record<string, string>) => {
      const revokeOne = api.tenants[':tenantId']['role-assignments'][':assignmentId'].revoke.$post;
      const param = { tenantId: props.tenantId, assignmentId: props.assignment.id };
      await answer(revokeOne({ param, json: values as Body<typeof revokeOne> }, { headers: basedOn(props.assignment.revision) }));
      props.onDone();
    },
    { onStale: () => props.onDone() },
  );
  return (
    <form
      class="card stack-form"
      aria-labelledby="revoke-heading"
      data-testid="revoke-form"
      onSubmit={(e) => void revoke.run(formValues(e))}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h2 id="revoke-heading">{`${t('adminRevoke')}: ${pick(ROLE_LABELS[props.assignment.role])} – ${props.assignment.fullName ?? ''}`}</h2>
      <div class="field">
        <label for="revoke-reason">{t('reason')}</label>
        <input
          id="revoke-reason"
          name="reason"
          required
          minLength={3}
          maxLength={500}
          aria-invalid={revoke.problem('reason') ? 'true' : undefined}
          ref={(el) => queueMicrotask(() => el.focus())}
        />
        <Show when={revoke.problem('reason')}>{(p) => <p class="field-problem">{p()}</p>}</Show>
      </div>
      <FormFooter action={revoke} submit={t('adminRevoke')} onCancel={() => props.onClose()} />
    </form>
  );
}
