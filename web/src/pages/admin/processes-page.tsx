import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { describeWorkingHours, type ProcessStep } from '@gov/domain';
import { answer, api, basedOn, errorText, type Body } from '../../api.js';
import { createAction } from '../../components/action.js';
import { DataTable } from '../../components/data-table.js';
import { loaded, LoadState } from '../../components/load-state.js';
import { RequireConsole } from '../../components/require-console.js';
import { formatDateTime } from '../../i18n/format.js';
import { pick, t, type MessageKey } from '../../i18n/index.js';
import { can } from '../../session/session.js';
import { ProcessEditor } from './process-editor.js';
import { blankStep, statutoryLimitHours } from './process-steps.js';
import { type DefaultProcessVersion, type OrgUnit, type ProcessVersion } from './types.js';
import { buildTree, flattenTree } from './unit-tree.js';
import { text } from './form-data.js';
import './admin.css';
import { FormFooter } from '../../components/form-footer.js';

/** Quy trình điện tử: the designer for the province's activated procedures. */
export default function ProcessesPage() {
  return <RequireConsole allowed={() => can('read', 'ProcessDefinition')}>{(tenantId) => <Processes tenantId={tenantId} />}</RequireConsole>;
}

function Processes(props: { tenantId: string }) {
  const [params, setParams] = useSearchParams<{ code?: string; case?: string }>();
  const [settings, { refetch: refetchSettings }] = createResource(() =>
    answer(api.tenants[':tenantId']['procedure-settings'].$get({ param: { tenantId: props.tenantId } })).then((r) => r.items.filter((s) => s.active)),
  );
  const [units] = createResource(() => answer(api.tenants[':tenantId']['org-units'].$get({ param: { tenantId: props.tenantId } })).then((r) => r.items));
  const code = () => params.code ?? '';
  const caseCode = () => params.case ?? 'default';
  return (
    <section aria-labelledby="processes-heading">
      <h1 id="processes-heading">{t('adminProcessesHeading')}</h1>
      <p class="muted">{t('adminProcessesIntro')}</p>
      <LoadState data={settings} retry={() => void refetchSettings()}>
        {(items) => (
          <div class="field picker">
            <label for="process-procedure">{t('adminProcedure')}</label>
            <select id="process-procedure" value={code()} onChange={(e) => setParams({ code: e.currentTarget.value || undefined, case: undefined })}>
              <option value="">{t('choose')}</option>
              <For each={items()}>{(s) => <option value={s.procedureCode}>{s.procedureCode}</option>}</For>
            </select>
          </div>
        )}
      </LoadState>
      <Show when={loaded(units)}>
        {(list) => (
          <Show when={code()} keyed>
            {(c) => (
              <Designer
                tenantId={props.tenantId}
                code={c}
                caseCode={caseCode()}
                onCase={(next) => setParams({ case: next === 'default' ? undefined : next })}
                units={list()}
              />
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}

function Designer(props: { tenantId: string; code: string; caseCode: string; onCase: (code: string) => void; units: OrgUnit[] }) {
  const [procedure] = createResource(() => answer(api.catalog.procedures[':code'].$get({ param: { code: props.code }, query: {} })));
  const [versions, { refetch }] = createResource(
    () => ({ code: props.code, caseCode: props.caseCode }),
    (q) =>
      answer(api.tenants[':tenantId'].processes.$get({ param: { tenantId: props.tenantId }, query: { procedureCode: q.code, caseCode: q.caseCode } })).then(
        (r) => r.items,
      ),
  );
  const [defaults] = createResource(
    () => ({ code: props.code, caseCode: props.caseCode }),
    (q) => answer(api.catalog['default-processes'].$get({ query: { procedureCode: q.code, caseCode: q.caseCode } })).then((r) => r.items[0] ?? null),
  );
  const [notice, setNotice] = createSignal<MessageKey | null>(null);
  // A new, unsaved draft the admin started; otherwise the editor shows the latest stored version.
  const [fresh, setFresh] = createSignal<ProcessStep[] | null>(null);
  const [copying, setCopying] = createSignal(false);
  const latest = () => loaded(versions)?.[0] ?? null;
  const limit = createMemo(() => {
    const p = loaded(procedure);
    return p ? statutoryLimitHours(p) : null;
  });
  const mayCreate = () => can('create', 'ProcessDefinition', { tenantId: props.tenantId });
  const firstUnit = () => props.units.find((u) => u.active)?.id ?? '';
  const editorSource = createMemo(() => {
    const steps = fresh();
    if (steps) return { base: null, steps };
    const v = latest();
    return v ? { base: v, steps: v.steps } : null;
  });
  return (
    <div class="designer">
      <Show when={loaded(procedure)}>
        {(p) => (
          <div class="card">
            <h2 id="procedure-name">{`${p().code} · ${p().name}`}</h2>
            <p data-testid="statutory-limit">
              {t('adminStatutoryTime')}: <strong>{limit() === null ? '—' : pick(describeWorkingHours(limit()!))}</strong>
            </p>
            <Show when={p().cases.length > 1}>
              <div class="field picker">
                <label for="process-case">{t('adminCase')}</label>
                <select id="process-case" value={props.caseCode} onChange={(e) => props.onCase(e.currentTarget.value)}>
                  <option value="default">{t('adminCaseDefault')}</option>
                  <For each={p().cases.filter((c) => c.code !== 'default')}>{(c) => <option value={c.code}>{c.name}</option>}</For>
                </select>
              </div>
            </Show>
          </div>
        )}
      </Show>
      <Show when={procedure.state === 'errored'}>
        <p role="alert" class="error">
          {errorText(procedure.error as unknown, t('loadFailed'))}
        </p>
      </Show>

      <h2 id="versions-heading">{t('adminVersions')}</h2>
      <LoadState data={versions} retry={() => void refetch()}>
        {(items) => (
          <DataTable
            labelledBy="versions-heading"
            testId="version-table"
            rows={items()}
            columns={[
              { header: t('adminVersion'), cell: (v) => v.version, class: 'num' },
              { header: t('status'), cell: (v) => <span class={`badge badge-${v.status}`}>{t(`adminProcessStatus_${v.status}` as MessageKey)}</span> },
              { header: t('adminStepsCount'), cell: (v) => v.steps.length, class: 'num' },
              { header: t('adminCreatedAt'), cell: (v) => formatDateTime(v.createdAt) },
              { header: t('adminPublishedAt'), cell: (v) => (v.publishedAt ? formatDateTime(v.publishedAt) : '—') },
            ]}
          />
        )}
      </LoadState>

      <p role="status" class="notice">
        <Show when={notice()}>{(key) => <>{t(key())}</>}</Show>
      </p>
      <Show when={mayCreate()}>
        <div class="button-row">
          <Show when={loaded(defaults)}>
            <button type="button" onClick={() => setCopying(true)} disabled={copying()}>
              {t('adminCopyDefault')}
            </button>
          </Show>
          <button
            type="button"
            onClick={() => {
              setCopying(false);
              setFresh([blankStep([], firstUnit())]);
              setNotice(null);
            }}
          >
            {t('adminNewDraft')}
          </button>
        </div>
        <Show when={defaults.state === 'ready' && !loaded(defaults)}>
          <p class="muted">{t('adminNoDefault')}</p>
        </Show>
      </Show>
      <Show when={copying() && loaded(defaults)}>
        {(template) => (
          <CopyDefaultForm
            tenantId={props.tenantId}
            code={props.code}
            caseCode={props.caseCode}
            template={template()}
            units={props.units}
            openDraft={versions.state === 'ready' ? versions().find((v) => v.status === 'draft') : undefined}
            onClose={() => setCopying(false)}
            onCopied={() => {
              setCopying(false);
              setFresh(null);
              setNotice('adminDefaultCopied');
              void refetch();
            }}
          />
        )}
      </Show>

      <h2 id="editor-heading">{t('adminSteps')}</h2>
      <Show when={editorSource()} keyed fallback={<p class="muted">{t('adminNoProcessYet')}</p>}>
        {(source) => (
          <ProcessEditor
            tenantId={props.tenantId}
            procedureCode={props.code}
            caseCode={props.caseCode}
            base={source.base}
            initialSteps={source.steps}
            units={props.units}
            limitHours={limit()}
            formFields={loaded(procedure)?.forms.flatMap((form) => form.fields ?? []) ?? []}
            onStale={() => {
              setFresh(null);
              void refetch();
            }}
            onStored={(_row, what) => {
              setFresh(null);
              setNotice(what === 'published' ? 'adminProcessPublished' : 'adminDraftSaved');
              void refetch();
            }}
          />
        )}
      </Show>
    </div>
  );
}

/** Sao chép quy trình mẫu: each kind of unit the ministry's template names maps to a unit here. */
function CopyDefaultForm(props: {
  tenantId: string;
  code: string;
  caseCode: string;
  template: DefaultProcessVersion;
  units: OrgUnit[];
  /** The draft the copy replaces, if one is open: the copy names its revision. */
  openDraft: ProcessVersion | undefined;
  onClose: () => void;
  onCopied: () => void;
}) {
  const kinds = () => [...new Set(props.template.steps.flatMap((s) => [s.unitKind, ...(s.handOver ? [s.handOver.targetUnitKind] : [])]))];
  const options = () => flattenTree(buildTree(props.units)).filter(({ unit }) => unit.active);
  const copy = createAction(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const unitMapping = Object.fromEntries(kinds().map((kind) => [kind, text(data, kind)]));
    const copyDefault = api.tenants[':tenantId'].processes['copy-default'].$post;
    const json = { procedureCode: props.code, caseCode: props.caseCode, version: props.template.version, unitMapping } as Body<typeof copyDefault>;
    await answer(copyDefault({ param: { tenantId: props.tenantId }, json }, { headers: props.openDraft ? basedOn(props.openDraft.revision) : {} }));
    props.onCopied();
  });
  return (
    <form
      class="card stack-form"
      aria-labelledby="copy-heading"
      data-testid="copy-default-form"
      onSubmit={(e) => {
        e.preventDefault();
        void copy.run(e.currentTarget);
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <h2 id="copy-heading">{`${t('adminCopyDefault')} (${t('adminVersion')} ${props.template.version})`}</h2>
      <p class="muted">{t('adminCopyDefaultIntro')}</p>
      <For each={kinds()}>
        {(kind) => (
          <div class="field">
            <label for={`map-${kind}`}>{t(`unitKind_${kind}` as MessageKey)}</label>
            <select id={`map-${kind}`} name={kind} required aria-invalid={copy.problem(`unitMapping.${kind}`) ? 'true' : undefined}>
              <For each={options()}>
                {({ unit, depth }) => (
                  <option
                    value={unit.id}
                    selected={unit.kind === kind && options().find((o) => o.unit.kind === kind)?.unit.id === unit.id}
                  >{`${'\u00a0\u00a0'.repeat(depth)}${unit.name}`}</option>
                )}
              </For>
            </select>
          </div>
        )}
      </For>
      <FormFooter action={copy} submit={t('adminCopy')} onCancel={() => props.onClose()} />
    </form>
  );
}
