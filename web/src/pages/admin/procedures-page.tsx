import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { answer, api, basedOn, errorText } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { Field } from '../../components/field.js';
import { loaded, LoadState } from '../../components/load-state.js';
import { Pager } from '../../components/pager.js';
import { RequireConsole } from '../../components/require-console.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { type OrgUnit, type ProcedureSetting, type ProcedureSummary } from './types.js';
import { buildTree, flattenTree } from './unit-tree.js';
import { retentionLabel } from '../ministry/catalog-types.js';
import { text, texts } from './form-data.js';
import './admin.css';
import { FormFooter } from '../../components/form-footer.js';

const PAGE_SIZE = 20;

/** Kích hoạt thủ tục: the national catalog with this province's activation of each procedure. */
export default function ProceduresPage() {
  return <RequireConsole allowed={() => can('read', 'ProcedureSetting')}>{(tenantId) => <Procedures tenantId={tenantId} />}</RequireConsole>;
}

type State = 'active' | 'suspended' | 'off';

function Procedures(props: { tenantId: string }) {
  const [query, setQuery] = createSignal({ q: '', page: 1 });
  const [total, setTotal] = createSignal(0);
  const [catalog, { refetch: refetchCatalog }] = createResource(query, (q) => {
    const query = { page: String(q.page), pageSize: String(PAGE_SIZE), ...(q.q ? { q: q.q } : {}) };
    return answer(api.catalog.procedures.$get({ query })).then((r) => {
      setTotal(r.total);
      return r.items;
    });
  });
  const [settings, { refetch: refetchSettings }] = createResource(() =>
    answer(api.tenants[':tenantId']['procedure-settings'].$get({ param: { tenantId: props.tenantId } })).then((r) => r.items),
  );
  const [units] = createResource(
    () => can('activate', 'ProcedureSetting'),
    () => answer(api.tenants[':tenantId']['org-units'].$get({ param: { tenantId: props.tenantId } })).then((r) => r.items),
  );
  const byCode = createMemo(() => new Map((loaded(settings) ?? []).map((s) => [s.procedureCode, s])));
  const state = (code: string): State => {
    const s = byCode().get(code);
    return !s ? 'off' : s.active ? 'active' : 'suspended';
  };
  const [editing, setEditing] = createSignal<ProcedureSummary | null>(null);
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  const mayActivate = () => can('activate', 'ProcedureSetting', { tenantId: props.tenantId });
  const unitName = (id: string) => loaded(units)?.find((u) => u.id === id)?.name ?? id;
  const deactivate = createAction(
    async (code: string) => {
      const s = byCode().get(code);
      if (!s) return;
      await answer(
        api.tenants[':tenantId']['procedure-settings'][':code'].$put(
          {
            param: { tenantId: props.tenantId, code },
            json: {
              receivingUnitIds: s.receivingUnitIds,
              handlingUnitIds: s.handlingUnitIds,
              localFeeVnd: s.localFeeVnd,
              beneficiaryAccount: s.beneficiaryAccount,
              active: false,
            },
          },
          { headers: basedOn(s.revision) },
        ),
      );
      setNotice('adminProcedureDeactivated');
      void refetchSettings();
    },
    { onStale: () => void refetchSettings() },
  );
  return (
    <section aria-labelledby="procedures-heading">
      <h1 id="procedures-heading">{t('adminProceduresHeading')}</h1>
      <p class="muted">
        {t('adminProceduresIntro')} {t('archiveRetentionByCatalog')}
      </p>
      <form role="search" class="search-form" onSubmit={(e) => setQuery({ q: formValues(e).q ?? '', page: 1 })}>
        <label for="procedure-search">{t('adminProcedureSearch')}</label>
        <input id="procedure-search" name="q" type="search" maxLength={200} />
        <button type="submit">{t('searchButton')}</button>
      </form>
      <p role="status" class="notice">
        <Show when={notice()}>{(key) => <>{t(key())}</>}</Show>
      </p>
      <Show when={deactivate.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <div class="two-col">
        <div>
          <LoadState data={catalog} retry={() => void refetchCatalog()}>
            {(items) => (
              <DataTable
                labelledBy="procedures-heading"
                testId="procedure-table"
                rows={items()}
                rowTestId={(p) => `procedure-${p.code}`}
                columns={[
                  { header: t('code'), cell: (p) => p.code, class: 'mono' },
                  {
                    header: t('name'),
                    cell: (p) => (
                      <>
                        <span class="cell-main">{p.name}</span>
                        <span class="cell-sub">{`${p.sector} · ${t(`adminLevel_${p.level}` as MessageKey)}`}</span>
                        <span class="cell-sub" data-testid="procedure-retention">{`${t('archiveRetention')}: ${retentionLabel(p.retentionYears)}`}</span>
                      </>
                    ),
                  },
                  {
                    header: t('status'),
                    cell: (p) => (
                      <>
                        <span class={`badge badge-${state(p.code)}`}>{t(`adminProcedureState_${state(p.code)}` as MessageKey)}</span>
                        <Show when={byCode().get(p.code)}>
                          {(s) => <span class="cell-sub">{`${t('adminReceivingUnits')}: ${s().receivingUnitIds.map(unitName).join(', ')}`}</span>}
                        </Show>
                      </>
                    ),
                  },
                  {
                    header: t('adminActions'),
                    cell: (p) => (
                      <span class="row-actions">
                        <Show when={mayActivate()}>
                          <button
                            type="button"
                            class="link-button"
                            onClick={() => setEditing(p)}
                            aria-label={`${state(p.code) === 'off' ? t('adminActivate') : t('adminConfigure')}: ${p.name}`}
                          >
                            {state(p.code) === 'off' ? t('adminActivate') : t('adminConfigure')}
                          </button>
                          <Show when={state(p.code) === 'active'}>
                            <button
                              type="button"
                              class="link-button"
                              disabled={deactivate.busy()}
                              onClick={() => void deactivate.run(p.code)}
                              aria-label={`${t('adminSuspend')}: ${p.name}`}
                            >
                              {t('adminSuspend')}
                            </button>
                          </Show>
                        </Show>
                        <Show when={state(p.code) === 'active' && can('read', 'ProcessDefinition')}>
                          <A href={`/admin/processes?code=${encodeURIComponent(p.code)}`} aria-label={`${t('adminDesignProcess')}: ${p.name}`}>
                            {t('adminDesignProcess')}
                          </A>
                        </Show>
                      </span>
                    ),
                  },
                ]}
              />
            )}
          </LoadState>
          {/* The catalog gives no total: a full page means there may be another. */}
          <Pager page={query().page} total={total()} pageSize={PAGE_SIZE} onPage={(page) => setQuery((q) => ({ ...q, page }))} />
        </div>
        {/* Keyed: choosing another procedure starts a fresh form. */}
        <Show when={editing()} keyed>
          {(procedure) => (
            <Show when={loaded(units)}>
              {(list) => (
                <ActivationForm
                  tenantId={props.tenantId}
                  procedure={procedure}
                  setting={byCode().get(procedure.code)}
                  units={list()}
                  onClose={() => setEditing(null)}
                  onStale={() => void refetchSettings()}
                  onSaved={() => {
                    setEditing(null);
                    setNotice('adminProcedureActivated');
                    void refetchSettings();
                  }}
                />
              )}
            </Show>
          )}
        </Show>
      </div>
    </section>
  );
}

/** Units as checkboxes in tree order: keyboard-usable, and several may be chosen. */
function UnitChecks(props: { legend: string; name: string; units: OrgUnit[]; checked: string[]; problem?: string | undefined }) {
  const options = () => flattenTree(buildTree(props.units)).filter(({ unit }) => unit.active);
  return (
    <fieldset class="unit-checks" aria-invalid={props.problem ? 'true' : undefined}>
      <legend>{props.legend}</legend>
      <div class="unit-checks-list">
        <For each={options()}>
          {({ unit, depth }) => (
            <label style={{ 'padding-left': `${depth}rem` }}>
              <input type="checkbox" name={props.name} value={unit.id} checked={props.checked.includes(unit.id)} /> {unit.name}
            </label>
          )}
        </For>
      </div>
      <Show when={props.problem}>{(p) => <p class="field-problem">{p()}</p>}</Show>
    </fieldset>
  );
}

/** Kích hoạt / cấu hình: receiving and handling units, the local fee and beneficiary account. */
function ActivationForm(props: {
  tenantId: string;
  procedure: ProcedureSummary;
  setting: ProcedureSetting | undefined;
  units: OrgUnit[];
  onClose: () => void;
  onSaved: () => void;
  /** Someone else saved the setting meanwhile: reload it (the form stays open). */
  onStale: () => void;
}) {
  const save = createAction(
    async (form: HTMLFormElement) => {
      const data = new FormData(form);
      const fee = text(data, 'localFeeVnd').trim();
      const account = text(data, 'beneficiaryAccount').trim();
      await answer(
        api.tenants[':tenantId']['procedure-settings'][':code'].$put(
          {
            param: { tenantId: props.tenantId, code: props.procedure.code },
            json: {
              receivingUnitIds: texts(data, 'receivingUnitIds'),
              handlingUnitIds: texts(data, 'handlingUnitIds'),
              // A number the API checks (integer, not negative); the text is sent as typed otherwise.
              localFeeVnd: fee === '' ? null : Number(fee.replace(/[.\s]/g, '')),
              beneficiaryAccount: account === '' ? null : account,
              active: true,
            },
          },
          // Never activated: revision 0.
          { headers: basedOn(props.setting?.revision ?? 0) },
        ),
      );
      props.onSaved();
    },
    { onStale: () => props.onStale() },
  );
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void save.run(e.currentTarget as HTMLFormElement);
  };
  return (
    <form
      class="card stack-form"
      aria-labelledby="activate-heading"
      data-testid="activation-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h2 id="activate-heading">{`${t('adminActivate')}: ${props.procedure.code}`}</h2>
      <p class="muted">{props.procedure.name}</p>
      <p class="hint" data-testid="activation-retention">
        {`${t('archiveRetention')}: ${retentionLabel(props.procedure.retentionYears)}. ${t('archiveRetentionByCatalog')}`}
      </p>
      <UnitChecks
        legend={t('adminReceivingUnits')}
        name="receivingUnitIds"
        units={props.units}
        checked={props.setting?.receivingUnitIds ?? []}
        problem={save.problem('receivingUnitIds')}
      />
      <UnitChecks
        legend={t('adminHandlingUnits')}
        name="handlingUnitIds"
        units={props.units}
        checked={props.setting?.handlingUnitIds ?? []}
        problem={save.problem('handlingUnitIds')}
      />
      <Field
        id="a-fee"
        name="localFeeVnd"
        label={t('adminLocalFee')}
        hint={t('adminLocalFeeHint')}
        inputmode="numeric"
        value={props.setting?.localFeeVnd ?? ''}
        problem={save.problem('localFeeVnd')}
      />
      <Field
        id="a-account"
        name="beneficiaryAccount"
        label={t('adminBeneficiaryAccount')}
        hint={t('adminBeneficiaryAccountHint')}
        value={props.setting?.beneficiaryAccount ?? ''}
        problem={save.problem('beneficiaryAccount')}
      />
      <FormFooter action={save} submit={t('adminActivate')} onCancel={() => props.onClose()} />
    </form>
  );
}
