import { createResource, createSignal, For, Show } from 'solid-js';
import { answer, api, errorText, type Answer } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { FormFooter } from '../../components/form-footer.js';
import { loaded } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import './admin.css';

const agreementsApi = api.tenants[':tenantId']['hand-over-agreements'];
type Agreement = Answer<typeof agreementsApi.$get>['items'][number];
type Verb = 'accept' | 'refuse' | 'withdraw';

/**
 * Quy chế phối hợp: a province admin proposes an agreement to another province, accepts or
 * refuses those proposed to it, withdraws either, and sees how many dossiers went under each
 * (docs/domain/lien-thong.md).
 */
export default function AgreementsPage() {
  return <RequireConsole allowed={() => can('publish', 'ProcessDefinition')}>{(tenantId) => <Agreements tenantId={tenantId} />}</RequireConsole>;
}

function Agreements(props: { tenantId: string }) {
  const param = { tenantId: props.tenantId };
  const [list, { refetch }] = createResource(() => answer(agreementsApi.$get({ param })).then((r) => r.items));
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  const change = createAction(async (id: string, verb: Verb) => {
    setNotice(null);
    await answer(agreementsApi[':id'][verb].$post({ param: { ...param, id }, json: {} }));
    setNotice('agreementDone');
    await refetch();
  });
  const other = (a: Agreement) => (a.party === 'source' ? a.targetProvince : a.sourceProvince);
  const buttons = (a: Agreement): Verb[] => [
    ...(a.party === 'target' && a.status === 'proposed' ? (['accept', 'refuse'] as const) : []),
    ...(a.status === 'proposed' || a.status === 'accepted' ? (['withdraw'] as const) : []),
  ];
  const label: Record<Verb, MessageKey> = { accept: 'agreementAccept', refuse: 'agreementRefuse', withdraw: 'agreementWithdraw' };
  return (
    <section aria-labelledby="agreements-heading">
      <h1 id="agreements-heading">{t('agreementHeading')}</h1>
      <p class="muted">{t('agreementIntro')}</p>
      <ProposeForm tenantId={props.tenantId} onProposed={() => void refetch()} />
      <h2 id="agreement-list-heading">{t('agreementListHeading')}</h2>
      <Show when={change.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <p role="status">
        <Show when={notice()}>{(key) => <>{t(key())}</>}</Show>
      </p>
      <Show when={loaded(list)} fallback={<p class="muted">{t('loading')}</p>}>
        {(rows) => (
          <Show when={rows().length > 0} fallback={<p class="muted">{t('agreementEmpty')}</p>}>
            <DataTable
              labelledBy="agreement-list-heading"
              testId="agreement-table"
              rowTestId={(a) => `agreement-${a.id}`}
              rows={rows()}
              columns={[
                { header: t('agreementOtherProvince'), cell: (a) => other(a).name },
                { header: t('agreementDirection'), cell: (a) => t(a.party === 'source' ? 'agreementOutgoing' : 'agreementIncoming') },
                { header: t('agreementProcedure'), cell: (a) => a.procedureCode, class: 'mono' },
                { header: t('agreementHours'), cell: (a) => String(a.allottedWorkingHours), class: 'num' },
                { header: t('agreementStatus'), cell: (a) => t(`agreementStatus_${a.status}`) },
                { header: t('agreementUse'), cell: (a) => String(a.handedOver), class: 'num' },
                {
                  header: t('agreementActions'),
                  cell: (a) => (
                    <div class="button-row">
                      <For each={buttons(a)}>
                        {(verb) => (
                          <button type="button" disabled={change.busy()} onClick={() => void change.run(a.id, verb)}>
                            {t(label[verb])}
                          </button>
                        )}
                      </For>
                    </div>
                  ),
                },
              ]}
            />
          </Show>
        )}
      </Show>
    </section>
  );
}

/** One sending unit of ours, one receiving unit of theirs, a procedure active here and the time. */
function ProposeForm(props: { tenantId: string; onProposed: () => void }) {
  const param = { tenantId: props.tenantId };
  const [provinces] = createResource(() => answer(api.provinces.$get()).then((r) => r.items.filter((p) => p.id !== props.tenantId)));
  const [procedures] = createResource(() =>
    answer(api.tenants[':tenantId']['procedure-settings'].$get({ param })).then((r) => r.items.filter((s) => s.active)),
  );
  const [units] = createResource(() => answer(api.tenants[':tenantId']['org-units'].$get({ param })).then((r) => r.items.filter((u) => u.active)));
  const [province, setProvince] = createSignal('');
  const [targets] = createResource(province, (id) =>
    answer(api.tenants[':tenantId']['hand-over-targets'].$get({ param, query: { province: id } })).then((r) => r.items),
  );
  const [sent, setSent] = createSignal(false);
  const propose = createAction(async (v: Record<string, string>) => {
    setSent(false);
    await answer(
      api.tenants[':tenantId']['hand-over-agreements'].$post({
        param,
        json: {
          targetTenantId: v.targetTenantId ?? '',
          procedureCode: v.procedureCode ?? '',
          sourceUnitIds: [v.sourceUnitId ?? ''],
          targetUnitIds: [v.targetUnitId ?? ''],
          allottedWorkingHours: Number(v.allottedWorkingHours),
          ...(v.note ? { note: v.note } : {}),
        },
      }),
    );
    setSent(true);
    props.onProposed();
  });
  return (
    <form class="card stack-form" aria-labelledby="propose-heading" data-testid="propose-agreement" onSubmit={(e) => void propose.run(formValues(e))}>
      <h2 id="propose-heading">{t('agreementProposeHeading')}</h2>
      <label>
        {t('agreementProvince')}
        <select name="targetTenantId" required onChange={(e) => setProvince(e.currentTarget.value)}>
          <option value="">{t('agreementChoose')}</option>
          <For each={loaded(provinces) ?? []}>{(p) => <option value={p.id}>{p.name}</option>}</For>
        </select>
      </label>
      <label>
        {t('agreementProcedure')}
        <select name="procedureCode" required>
          <option value="">{t('agreementChoose')}</option>
          <For each={loaded(procedures) ?? []}>{(p) => <option value={p.procedureCode}>{p.procedureCode}</option>}</For>
        </select>
      </label>
      <label>
        {t('agreementSourceUnit')}
        <select name="sourceUnitId" required>
          <option value="">{t('agreementChoose')}</option>
          <For each={loaded(units) ?? []}>{(u) => <option value={u.id}>{u.name}</option>}</For>
        </select>
      </label>
      <label>
        {t('agreementTargetUnit')}
        <select name="targetUnitId" required>
          <option value="">{t('agreementChoose')}</option>
          <For each={loaded(targets) ?? []}>{(u) => <option value={u.id}>{`${u.name} (${u.code})`}</option>}</For>
        </select>
      </label>
      <label>
        {t('agreementHours')}
        <input name="allottedWorkingHours" type="number" min="1" step="1" required />
      </label>
      <label>
        {t('agreementNote')}
        <textarea name="note" maxLength={1000} />
      </label>
      <FormFooter action={propose} submit={t('agreementPropose')} saved={sent() ? t('agreementProposed') : ''} />
    </form>
  );
}
