import { createResource, createSignal, Show } from 'solid-js';
import { answer, api, basedOn, errorText } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { loaded, LoadState } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { RequireConsole } from '../../components/require-console.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can, session } from '../../session/session.js';
import { OfficerForm } from './officer-form.js';
import { SignInPolicyForm } from './sign-in-policy.js';
import { type Officer } from './types.js';
import { EditOfficerForm, MoveOfficerForm, OpenTasks, ResetFactorForm, type OpenTask } from './officer-edit.js';
import { OfficerImport } from './officer-import.js';

const PAGE_SIZE = 50;

/** The forms a row's buttons open beside the list, one at a time. */
type OfficerForm = 'reset' | 'edit' | 'move' | 'factor';

/** Cán bộ, công chức: officers the admin may see, masked as the API masks them. */
export default function OfficersPage() {
  return <RequireConsole allowed={() => can('read', 'User')}>{(tenantId) => <Officers tenantId={tenantId} />}</RequireConsole>;
}

function Officers(props: { tenantId: string }) {
  const [query, setQuery] = createSignal({ search: '', page: 1 });
  const [total, setTotal] = createSignal(0);
  const [officers, { refetch }] = createResource(query, (q) => {
    const query = { page: String(q.page), pageSize: String(PAGE_SIZE), ...(q.search ? { search: q.search } : {}) };
    return answer(api.tenants[':tenantId'].users.$get({ param: { tenantId: props.tenantId }, query })).then((r) => {
      setTotal(r.total);
      return r.items;
    });
  });
  // Units for the create form's picker; only fetched when the form is offered.
  const [units] = createResource(
    () => can('create', 'User'),
    () => answer(api.tenants[':tenantId']['org-units'].$get({ param: { tenantId: props.tenantId } })).then((r) => r.items),
  );
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  const [resetting, setResetting] = createSignal<Officer | null>(null);
  const [editing, setEditing] = createSignal<Officer | null>(null);
  const [moving, setMoving] = createSignal<Officer | null>(null);
  const [resettingFactor, setResettingFactor] = createSignal<Officer | null>(null);
  // What a moved or deactivated officer still holds, for a leader to reassign.
  const [left, setLeft] = createSignal<{ name: string; tasks: OpenTask[] } | null>(null);
  const closeForms = () => {
    setResetting(null);
    setEditing(null);
    setMoving(null);
    setResettingFactor(null);
  };
  const changed = (key: MessageKey) => {
    setNotice(key);
    void refetch();
  };
  return (
    <section aria-labelledby="officers-heading">
      <h1 id="officers-heading">{t('officersHeading')}</h1>
      <p class="muted">{t('officersIntro')}</p>
      <form role="search" class="search-form" onSubmit={(e) => setQuery({ search: formValues(e).q ?? '', page: 1 })}>
        <label for="officer-search">{t('search')}</label>
        <input id="officer-search" name="q" type="search" maxLength={100} />
        <button type="submit">{t('searchButton')}</button>
      </form>
      <p role="status" class="notice">
        <Show when={notice()}>{(key) => <>{t(key())}</>}</Show>
      </p>
      <div class="two-col">
        <div>
          <LoadState data={officers} retry={() => void refetch()}>
            {(items) => (
              <OfficerTable
                tenantId={props.tenantId}
                items={items()}
                onChanged={changed}
                onOpen={(form, officer) => {
                  closeForms();
                  ({ reset: setResetting, edit: setEditing, move: setMoving, factor: setResettingFactor })[form](officer);
                }}
                onLeft={(officer, tasks) => setLeft({ name: officer.fullName, tasks })}
                onStale={() => void refetch()}
              />
            )}
          </LoadState>
          <Pager page={query().page} total={total()} pageSize={PAGE_SIZE} onPage={(page) => setQuery((q) => ({ ...q, page }))} />
          <Show when={left()}>{(l) => <OpenTasks tenantId={props.tenantId} officerName={l().name} tasks={l().tasks} onClose={() => setLeft(null)} />}</Show>
          <Show when={editing()}>
            {(officer) => (
              <EditOfficerForm
                tenantId={props.tenantId}
                officer={officer()}
                onClose={closeForms}
                onStale={() => {
                  closeForms();
                  void refetch();
                }}
                onDone={() => {
                  closeForms();
                  changed('adminOfficerEdited');
                }}
              />
            )}
          </Show>
          <Show when={moving()}>
            {(officer) => (
              <MoveOfficerForm
                tenantId={props.tenantId}
                officer={officer()}
                units={loaded(units) ?? []}
                onClose={closeForms}
                onStale={() => {
                  closeForms();
                  void refetch();
                }}
                onDone={(tasks) => {
                  // Read before closing: the form's accessor is stale once the form is gone.
                  const name = officer().fullName;
                  closeForms();
                  setLeft({ name, tasks });
                  changed('adminOfficerMoved');
                }}
              />
            )}
          </Show>
          <Show when={resettingFactor()}>
            {(officer) => (
              <ResetFactorForm
                userId={officer().userId}
                name={officer().fullName}
                onClose={closeForms}
                onDone={() => {
                  closeForms();
                  changed('adminFactorReset');
                }}
              />
            )}
          </Show>
          <Show when={resetting()}>
            {(officer) => (
              <ResetPasswordForm
                tenantId={props.tenantId}
                officer={officer()}
                onClose={() => setResetting(null)}
                onDone={() => {
                  setResetting(null);
                  changed('adminPasswordReset');
                }}
              />
            )}
          </Show>
        </div>
        <div>
          <Show when={loaded(units)}>{(list) => <OfficerForm tenantId={props.tenantId} units={list()} onCreated={() => changed('officerCreated')} />}</Show>
          <Show when={can('create', 'User')}>
            <OfficerImport tenantId={props.tenantId} onImported={() => void refetch()} />
          </Show>
          {/* Province-wide: only for who administers every officer of the province. */}
          <Show when={can('manage', 'User', { tenantId: props.tenantId, orgUnitPath: [] })}>
            <SignInPolicyForm tenantId={props.tenantId} />
          </Show>
        </div>
      </div>
    </section>
  );
}

/** The unit path is not in the list answer, so the row's buttons follow the tenant-wide rule; the API checks the unit. */
function OfficerTable(props: {
  tenantId: string;
  items: Officer[];
  onChanged: (key: MessageKey) => void;
  onOpen: (form: OfficerForm, officer: Officer) => void;
  onLeft: (officer: Officer, tasks: OpenTask[]) => void;
  onStale: () => void;
}) {
  const mayUpdate = () => can('update', 'User', { tenantId: props.tenantId });
  return (
    <DataTable
      labelledBy="officers-heading"
      testId="officer-table"
      rows={props.items}
      columns={[
        {
          header: t('officerName'),
          cell: (o) => (
            <>
              <span class="cell-main">{o.fullName}</span>
              <span class="cell-sub">
                {o.login}
                {o.position ? ` · ${o.position}` : ''}
              </span>
            </>
          ),
        },
        { header: t('unit'), cell: (o) => o.orgUnitName ?? '—' },
        { header: t('citizenId'), cell: (o) => o.citizenId ?? '—', class: 'mono' },
        { header: t('phone'), cell: (o) => o.phone ?? '—', class: 'mono' },
        { header: t('status'), cell: (o) => (o.active ? t('active') : t('inactive')) },
        ...(mayUpdate()
          ? [
              {
                header: t('adminActions'),
                // No buttons on one's own row: an admin does not lock themself out from here.
                cell: (o: Officer) => (
                  <Show when={o.userId !== session()?.user.userId} fallback={<span class="muted">—</span>}>
                    <OfficerActions
                      tenantId={props.tenantId}
                      officer={o}
                      onChanged={props.onChanged}
                      onOpen={props.onOpen}
                      onLeft={props.onLeft}
                      onStale={props.onStale}
                    />
                  </Show>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function OfficerActions(props: {
  tenantId: string;
  officer: Officer;
  onChanged: (key: MessageKey) => void;
  onOpen: (form: OfficerForm, officer: Officer) => void;
  onLeft: (officer: Officer, tasks: OpenTask[]) => void;
  /** Someone else changed the officer meanwhile: reload the list. */
  onStale: () => void;
}) {
  const toggle = createAction(
    async () => {
      const officer = api.tenants[':tenantId'].users[':userId'];
      const change = props.officer.active ? officer.deactivate.$post : officer.activate.$post;
      const changed = await answer(change({ param: { tenantId: props.tenantId, userId: props.officer.userId } }, { headers: basedOn(props.officer.revision) }));
      if (!changed.active) props.onLeft(props.officer, changed.openTasks);
      props.onChanged(props.officer.active ? 'adminOfficerDeactivated' : 'adminOfficerReactivated');
    },
    { onStale: () => props.onStale() },
  );
  return (
    <span class="row-actions">
      <button
        type="button"
        class="link-button"
        disabled={toggle.busy()}
        onClick={() => void toggle.run()}
        aria-label={`${props.officer.active ? t('deactivate') : t('reactivate')}: ${props.officer.fullName}`}
      >
        {props.officer.active ? t('deactivate') : t('reactivate')}
      </button>
      <button
        type="button"
        class="link-button"
        onClick={() => props.onOpen('edit', props.officer)}
        aria-label={`${t('adminEditOfficer')}: ${props.officer.fullName}`}
      >
        {t('adminEditOfficer')}
      </button>
      <Show when={props.officer.active}>
        <button
          type="button"
          class="link-button"
          onClick={() => props.onOpen('move', props.officer)}
          aria-label={`${t('adminMoveOfficer')}: ${props.officer.fullName}`}
        >
          {t('adminMoveOfficer')}
        </button>
      </Show>
      <button
        type="button"
        class="link-button"
        onClick={() => props.onOpen('factor', props.officer)}
        aria-label={`${t('adminResetFactor')}: ${props.officer.fullName}`}
      >
        {t('adminResetFactor')}
      </button>
      <button
        type="button"
        class="link-button"
        onClick={() => props.onOpen('reset', props.officer)}
        aria-label={`${t('adminResetPassword')}: ${props.officer.fullName}`}
      >
        {t('adminResetPassword')}
      </button>
      <Show when={toggle.error()}>
        {(e) => (
          <span role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </span>
        )}
      </Show>
    </span>
  );
}

/**
 * Đặt lại mật khẩu: the admin confirms; the API stops the current password, ends every session
 * of the officer and sends them a reset code. The admin never sees the code or a password.
 */
function ResetPasswordForm(props: { tenantId: string; officer: Officer; onClose: () => void; onDone: () => void }) {
  const reset = createAction(async () => {
    await answer(api.tenants[':tenantId'].users[':userId']['reset-password'].$post({ param: { tenantId: props.tenantId, userId: props.officer.userId } }));
    props.onDone();
  });
  return (
    <form
      class="card stack-form"
      aria-labelledby="reset-heading"
      data-testid="reset-password-form"
      onSubmit={(e) => {
        e.preventDefault();
        void reset.run();
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h2 id="reset-heading">{`${t('adminResetPassword')}: ${props.officer.fullName}`}</h2>
      <p class="muted">{t('adminResetPasswordIntro')}</p>
      <Show when={reset.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button type="submit" class="primary" disabled={reset.busy()} ref={(el) => queueMicrotask(() => el.focus())}>
          {reset.busy() ? t('saving') : t('adminSendResetCode')}
        </button>
        <button type="button" class="link-button" onClick={() => props.onClose()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
