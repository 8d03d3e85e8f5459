import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { answer, api, type Answer } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { ConfirmDelete } from '../../components/confirm-delete.js';
import { DataTable } from '../../components/data-table.js';
import { Field, SelectField } from '../../components/field.js';
import { FormFooter } from '../../components/form-footer.js';
import { loaded, LoadFailed } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import './admin.css';

const rulesApi = api.tenants[':tenantId']['intake-routing-rules'];
type Rule = Answer<typeof rulesApi.$get>['items'][number];

/**
 * Quy tắc điều chuyển: the province admin's rules that send a jurisdiction-free dossier, received
 * at any one-stop unit, to the competent unit by the applicant's commune or ward
 * (docs/domain/jurisdiction-free-intake.md): list, add, change, delete.
 */
export default function IntakeRoutingPage() {
  // Whoever sets the province's procedures: the API's own check.
  return <RequireConsole allowed={() => can('manage', 'ProcedureSetting')}>{(tenantId) => <IntakeRouting tenantId={tenantId} />}</RequireConsole>;
}

function IntakeRouting(props: { tenantId: string }) {
  const param = { tenantId: props.tenantId };
  const [rules, { refetch }] = createResource(() => answer(rulesApi.$get({ param })).then((r) => r.items));
  const [editing, setEditing] = createSignal<Rule | null>(null);
  const [deleting, setDeleting] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  const remove = createAction(async (id: string) => {
    await answer(rulesApi[':id'].$delete({ param: { ...param, id } }));
    setDeleting(null);
    if (editing()?.id === id) setEditing(null);
    // Said once the list shows the change.
    await refetch();
    setNotice('routingDeleted');
  });
  const saved = async (key: MessageKey) => {
    setEditing(null);
    await refetch();
    setNotice(key);
  };
  return (
    <section aria-labelledby="routing-heading">
      <h1 id="routing-heading">{t('routingHeading')}</h1>
      <p class="muted">{t('routingIntro')}</p>
      <Show when={editing()} keyed fallback={<RuleForm tenantId={props.tenantId} rule={null} onSaved={() => void saved('routingAdded')} />}>
        {(rule) => <RuleForm tenantId={props.tenantId} rule={rule} onSaved={() => void saved('routingSaved')} onCancel={() => setEditing(null)} />}
      </Show>
      <h2 id="routing-list-heading">{t('routingListHeading')}</h2>
      <p role="status" data-testid="routing-notice">
        <Show when={notice()}>{(key) => <>{t(key())}</>}</Show>
      </p>
      <Switch>
        <Match when={rules.state === 'errored'}>
          <LoadFailed error={rules.error as unknown} retry={() => void refetch()} />
        </Match>
        <Match when={loaded(rules)?.length === 0}>
          <p class="muted">{t('routingEmpty')}</p>
        </Match>
        <Match when={loaded(rules)}>
          {(items) => (
            <DataTable
              labelledBy="routing-list-heading"
              testId="routing-table"
              rowTestId={(r) => `routing-${r.id}`}
              rows={items()}
              columns={[
                { header: t('routingProcedure'), cell: (r) => r.procedureCode ?? t('routingAllProcedures') },
                { header: t('routingCommune'), cell: (r) => r.communeCode ?? t('routingDefault') },
                { header: t('routingUnit'), cell: (r) => r.competentUnitName },
                {
                  header: t('routingActions'),
                  cell: (r) => (
                    <>
                      <div class="button-row">
                        <button
                          type="button"
                          onClick={() => {
                            setNotice(null);
                            setEditing(r);
                            queueMicrotask(() => document.getElementById('routing-form-heading')?.focus());
                          }}
                        >
                          {t('routingEdit')}
                        </button>
                        <button type="button" class="danger" onClick={() => setDeleting(r.id)}>
                          {t('routingDelete')}
                        </button>
                      </div>
                      <Show when={deleting() === r.id}>
                        <ConfirmDelete
                          id={`routing-confirm-${r.id}`}
                          testId="routing-confirm"
                          question={t('routingConfirmDelete')}
                          yes={t('routingDelete')}
                          no={t('cancel')}
                          busy={remove.busy()}
                          error={remove.error()}
                          onYes={() => void remove.run(r.id)}
                          onNo={() => setDeleting(null)}
                        />
                      </Show>
                    </>
                  ),
                },
              ]}
            />
          )}
        </Match>
        <Match when={true}>
          <p aria-busy="true" class="muted">
            {t('loading')}
          </p>
        </Match>
      </Switch>
    </section>
  );
}

/** Adds a rule, or changes `rule`: a procedure (or all), a commune (or the default) and the competent unit. */
function RuleForm(props: { tenantId: string; rule: Rule | null; onSaved: () => void; onCancel?: () => void }) {
  const param = { tenantId: props.tenantId };
  const [procedures] = createResource(() =>
    answer(api.tenants[':tenantId']['procedure-settings'].$get({ param })).then((r) => r.items.filter((s) => s.active)),
  );
  const [units] = createResource(() => answer(api.tenants[':tenantId']['org-units'].$get({ param })).then((r) => r.items.filter((u) => u.active)));
  const save = createAction(async (event: SubmitEvent) => {
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(event);
    const json = {
      ...(v.procedureCode ? { procedureCode: v.procedureCode } : {}),
      ...(v.communeCode?.trim() ? { communeCode: v.communeCode.trim() } : {}),
      competentUnitId: v.competentUnitId ?? '',
    };
    if (props.rule) await answer(rulesApi[':id'].$put({ param: { ...param, id: props.rule.id }, json }));
    else {
      await answer(rulesApi.$post({ param, json }));
      form.reset();
    }
    props.onSaved();
  });
  const id = (name: string) => `routing-${name}`;
  return (
    <form class="card stack-form" aria-labelledby="routing-form-heading" data-testid="routing-form" onSubmit={(e) => void save.run(e)}>
      <h2 id="routing-form-heading" tabindex="-1">
        {t(props.rule ? 'routingEditHeading' : 'routingAddHeading')}
      </h2>
      <SelectField id={id('procedure')} name="procedureCode" label={t('routingProcedure')} problem={save.problem('procedureCode')}>
        <option value="">{t('routingAllProcedures')}</option>
        <Show when={props.rule?.procedureCode && !(loaded(procedures) ?? []).some((p) => p.procedureCode === props.rule?.procedureCode)}>
          <option value={props.rule!.procedureCode!} selected>
            {props.rule!.procedureCode}
          </option>
        </Show>
        <For each={loaded(procedures) ?? []}>
          {(p) => (
            <option value={p.procedureCode} selected={p.procedureCode === props.rule?.procedureCode}>
              {p.procedureCode}
            </option>
          )}
        </For>
      </SelectField>
      <Field
        id={id('commune')}
        name="communeCode"
        label={t('routingCommune')}
        hint={t('routingCommuneHint')}
        inputmode="numeric"
        maxLength={6}
        value={props.rule?.communeCode ?? ''}
        problem={save.problem('communeCode')}
      />
      <SelectField id={id('unit')} name="competentUnitId" label={t('routingUnit')} required problem={save.problem('competentUnitId')}>
        <option value="">{t('routingChoose')}</option>
        <For each={loaded(units) ?? []}>
          {(u) => (
            <option value={u.id} selected={u.id === props.rule?.competentUnitId}>
              {u.name}
            </option>
          )}
        </For>
      </SelectField>
      <FormFooter action={save} submit={t(props.rule ? 'routingSave' : 'routingAdd')} onCancel={props.onCancel} />
    </form>
  );
}
