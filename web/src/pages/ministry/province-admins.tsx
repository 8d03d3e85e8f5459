import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api, type Body, type ItemOf } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { loaded } from '../../components/load-state.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { ResetFactorForm } from '../admin/officer-edit.js';
import { AppointForm } from './appoint-form.js';
import { fill } from './types.js';
import { FormFooter } from '../../components/form-footer.js';

type ProvinceAdmin = ItemOf<(typeof api.tenants)[':tenantId']['province-admins']['$get']>;
type Revoke = (typeof api.tenants)[':tenantId']['province-admins'][':userId']['revoke']['$post'];

const CAP = 3;

/** The province's admins against the cap of three; the ministry admin revokes and appoints. */
export function ProvinceAdmins(props: { tenantId: string }) {
  const [admins, { refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(api.tenants[':tenantId']['province-admins'].$get({ param: { tenantId } })).then((r) => r.items),
  );
  const [revoking, setRevoking] = createSignal<ProvinceAdmin | null>(null);
  const [revoked, setRevoked] = createSignal(false);
  const [resettingFactor, setResettingFactor] = createSignal<ProvinceAdmin | null>(null);
  const [factorReset, setFactorReset] = createSignal(false);
  return (
    <section aria-labelledby="admins-heading" class="section-gap">
      <h2 id="admins-heading">{t('ministryAdminsHeading')}</h2>
      <Show
        when={loaded(admins)}
        fallback={
          <p class="muted" aria-busy={admins.loading}>
            {admins.error ? t('loadFailed') : t('loading')}
          </p>
        }
      >
        {(list) => (
          <>
            <p data-testid="admin-cap" class={list().length >= CAP ? 'note' : undefined}>
              {fill('ministryAdminCap', { n: list().length })}
              <Show when={list().length >= CAP}> {t('ministryAdminCapFull')}</Show>
            </p>
            <Show when={list().length > 0}>
              <ul data-testid="admin-list">
                <For each={list()}>
                  {(a) => (
                    <li>
                      {`${a.fullName ?? '—'} (${a.login}) · ${t('ministryGrantedAt')} ${formatDate(a.grantedAt)}`}{' '}
                      <Show when={can('manage', 'Tenant')}>
                        <button
                          type="button"
                          class="link-button"
                          onClick={() => setRevoking(a)}
                          aria-label={`${t('ministryRevokeAdmin')}: ${a.fullName ?? a.login}`}
                        >
                          {t('ministryRevokeAdmin')}
                        </button>{' '}
                        <button
                          type="button"
                          class="link-button"
                          onClick={() => setResettingFactor(a)}
                          aria-label={`${t('adminResetFactor')}: ${a.fullName ?? a.login}`}
                        >
                          {t('adminResetFactor')}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
      <p role="status" class="notice">
        {revoked() ? t('ministryAdminRevoked') : factorReset() ? t('adminFactorReset') : ''}
      </p>
      <Show when={resettingFactor()}>
        {(a) => (
          <ResetFactorForm
            userId={a().userId}
            name={a().fullName ?? a().login}
            onClose={() => setResettingFactor(null)}
            onDone={() => {
              setResettingFactor(null);
              setFactorReset(true);
            }}
          />
        )}
      </Show>
      <Show when={revoking()}>
        {(a) => (
          <RevokeAdminForm
            tenantId={props.tenantId}
            admin={a()}
            onClose={() => setRevoking(null)}
            onDone={() => {
              setRevoking(null);
              setRevoked(true);
              void refetch();
            }}
          />
        )}
      </Show>
      <Show when={can('manage', 'Tenant')}>
        <AppointForm tenantId={props.tenantId} onAppointed={() => void refetch()} />
      </Show>
    </section>
  );
}

/** Thu hồi quản trị tỉnh: the decision's reference is required and kept in the audit log. */
function RevokeAdminForm(props: { tenantId: string; admin: ProvinceAdmin; onClose: () => void; onDone: () => void }) {
  const revoke = createAction(async (values: Record<string, string>) => {
    await answer(
      api.tenants[':tenantId']['province-admins'][':userId'].revoke.$post({
        param: { tenantId: props.tenantId, userId: props.admin.userId },
        json: values as Body<Revoke>,
      }),
    );
    props.onDone();
  });
  return (
    <form
      class="card stack-form"
      aria-labelledby="revoke-admin-heading"
      data-testid="revoke-admin-form"
      onSubmit={(e) => void revoke.run(formValues(e))}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h3 id="revoke-admin-heading">{`${t('ministryRevokeAdminHeading')}: ${props.admin.fullName ?? props.admin.login}`}</h3>
      <p class="hint">{t('ministryRevokeAdminIntro')}</p>
      <Field
        id="revoke-admin-reason"
        name="reason"
        label={t('ministryRevokeReason')}
        problem={revoke.problem('reason')}
        required
        ref={(el) => queueMicrotask(() => el.focus())}
      />
      <FormFooter action={revoke} submit={t('ministryRevokeAdmin')} onCancel={() => props.onClose()} />
    </form>
  );
}
