import { formFieldsOf } from '@gov/domain';
import { useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { LoadFailed } from '../../components/load-state.js';
import { answer, api, ApiError, basedOn, errorText, type Answer } from '../../api.js';
import { createAction } from '../../components/action.js';
import { declaredValues } from '../../components/declared-fields.js';
import { RequireAccess } from '../../components/require-console.js';
import { formatDateTime } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { session } from '../../session/session.js';
import { createStoredDocuments, reusedDocuments } from './component-files.js';
import { saveDraft, type DraftRef } from './draft-save.js';
import { rememberProvince, type ProcedureDetail, type Receipt } from './portal-api.js';
import { ReceiptView } from './receipt-view.js';
import { SubmissionPreview, summarise, type Summary } from './submission-preview.js';
import { SubmitFields } from './submit-fields.js';
import './portal.css';

type SavedDraft = Answer<(typeof api.me.drafts)[':draftId']['$get']>;

/** Nộp hồ sơ trực tuyến: the signed-in citizen fills the guided form, may save it as a draft, previews it and files it. */
export default function SubmitPage() {
  const params = useParams<{ tenantId: string; code: string }>();
  return (
    <section aria-labelledby="portal-submit-heading" class="portal">
      <h1 id="portal-submit-heading">{t('portalSubmitHeading')}</h1>
      <RequireAccess allowed={() => session()?.user.kind === 'citizen'} refusal={t('portalCitizenOnly')}>
        <Show when={session()}>
          {(s) => <SubmitForm tenantId={params.tenantId} code={params.code} userId={s().user.userId} displayName={s().user.displayName} />}
        </Show>
      </RequireAccess>
    </section>
  );
}

// One key per filled-in form: a retry after a lost answer replays the stored dossier instead of
// filing a second one. After a refusal (4xx) nothing was stored, so the next attempt gets a new key.
// A draft has its own key, kept by the server (docs/domain/dossier-drafts.md).
const newKey = () => `portal-${crypto.randomUUID()}`;
const isRefusal = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

function SubmitForm(props: { tenantId: string; code: string; userId: string; displayName: string }) {
  const [search, setSearch] = useSearchParams<{ draft?: string }>();
  const [detail, { refetch }] = createResource(() =>
    answer(api.public.provinces[':tenantId'].procedures[':code'].$get({ param: { tenantId: props.tenantId, code: props.code } })),
  );
  // The draft being resumed (?draft=…), read once when the page opens: the first save puts the
  // new draft's id in the address for a reload, which must not read it back over the open form.
  const opened = search.draft;
  const [resumed] = createResource(
    () => opened ?? false,
    (draftId) => answer(api.me.drafts[':draftId'].$get({ param: { draftId } })),
  );
  return (
    <Switch>
      <Match when={detail.state === 'errored'}>
        <LoadFailed error={detail.error as unknown} retry={() => void refetch()} />
      </Match>
      <Match when={detail() && !resumed.loading ? detail() : undefined}>
        {(d) => (
          <>
            <Show when={resumed.state === 'errored'}>
              <p role="alert" class="error">
                {errorText(resumed.error, t('loadFailed'))}
              </p>
            </Show>
            <Filing
              {...props}
              detail={d()}
              resumed={resumed.state === 'ready' ? resumed() : undefined}
              onDraft={(id) => setSearch({ draft: id }, { replace: true })}
            />
          </>
        )}
      </Match>
      <Match when={true}>
        <p aria-busy="true" class="muted">
          {t('loading')}
        </p>
      </Match>
    </Switch>
  );
}

function Filing(props: {
  tenantId: string;
  code: string;
  userId: string;
  displayName: string;
  detail: ProcedureDetail;
  resumed: SavedDraft | undefined;
  onDraft: (id: string) => void;
}) {
  const [stored, refetchStored] = createStoredDocuments();
  const [caseCode, setCaseCode] = createSignal<string | null>(props.resumed?.form.caseCode ?? null);
  const [draft, setDraft] = createSignal<DraftRef | null>(props.resumed ? { id: props.resumed.id, revision: props.resumed.revision } : null);
  const [chosen, setChosen] = createSignal<Record<string, string[]>>(props.resumed?.documents ?? {});
  const [savedAt, setSavedAt] = createSignal<string | null>(props.resumed ? props.resumed.updatedAt : null);
  const [preview, setPreview] = createSignal<Summary | null>(null);
  const [receipt, setReceipt] = createSignal<Receipt | null>(null);
  let form!: HTMLFormElement;
  let key = newKey();
  // Set once a draft's submission was sent: a retry after a lost answer sends it again as it was.
  let draftSubmitSent = false;
  const chosenCase = createMemo(() => {
    const cases = props.detail.procedure.cases;
    return cases.find((c) => c.code === caseCode()) ?? cases[0];
  });
  const components = () => chosenCase()?.components ?? [];
  const formFields = formFieldsOf(props.detail.procedure.forms);

  const saveNow = async (): Promise<DraftRef> => {
    const saved = await saveDraft({
      form,
      tenantId: props.tenantId,
      procedureCode: props.code,
      caseCode: chosenCase()?.code,
      components: components(),
      formFields,
      draft: draft(),
      onCreated: (created) => {
        setDraft(created);
        props.onDraft(created.id);
      },
    });
    setDraft(saved.draft);
    void refetchStored();
    setChosen(saved.documents);
    setSavedAt(new Date().toISOString());
    return saved.draft;
  };
  const save = createAction(async () => {
    await saveNow();
  });

  const submit = createAction(async () => {
    const current = draft();
    try {
      if (current) {
        const ref = draftSubmitSent ? current : await saveNow();
        draftSubmitSent = true;
        const filed = await answer(api.me.drafts[':draftId'].submit.$post({ param: { draftId: ref.id } }, { headers: basedOn(ref.revision) }));
        setReceipt(filed.receipt);
      } else {
        setReceipt((await submitDirectly()).receipt);
      }
      rememberProvince(props.userId, props.tenantId);
    } catch (error) {
      if (isRefusal(error)) {
        key = newKey();
        draftSubmitSent = false;
      }
      throw error;
    }
  });

  /** Without a draft: the files go with the submission itself, as before drafts existed. */
  const submitDirectly = () => {
    const data = new FormData(form);
    const text = (name: string) => (data.get(name) as string | null)?.trim() ?? '';
    const formData = declaredValues(data, formFields);
    const dossier = {
      procedureCode: props.code,
      caseCode: chosenCase()?.code,
      channel: 'online',
      receivingUnitId: text('receivingUnitId') || undefined,
      applicant: { fullName: text('fullName'), citizenId: text('citizenId'), phone: text('phone') || undefined, email: text('email') || undefined },
      note: text('note') || undefined,
      formData: Object.keys(formData).length > 0 ? formData : undefined,
      reuse: reusedDocuments(data, components()),
    };
    const body = new FormData();
    body.set('dossier', JSON.stringify(dossier));
    for (const component of components()) {
      for (const file of data.getAll(`file-${component.code}`)) if (file instanceof File && file.size > 0) body.append(component.code, file, file.name);
    }
    return answer(api.tenants[':tenantId'].dossiers.$post({ param: { tenantId: props.tenantId } }, { headers: { 'Idempotency-Key': key }, init: { body } }));
  };

  const showPreview = (event: SubmitEvent) => {
    event.preventDefault();
    const caseName = props.detail.procedure.cases.length > 1 ? (chosenCase()?.name ?? null) : null;
    setPreview(summarise({ data: new FormData(form), detail: props.detail, caseName, components: components(), documents: stored() ?? [] }));
    queueMicrotask(() => document.getElementById('portal-preview-heading')?.focus());
  };
  const back = () => {
    setPreview(null);
    queueMicrotask(() => document.getElementById('portal-submit-preview-button')?.focus());
  };

  return (
    <Show when={!receipt()} fallback={<ReceiptView receipt={receipt()!} />}>
      <Show when={preview()}>
        {(s) => (
          <SubmissionPreview
            summary={s()}
            detail={props.detail}
            busy={submit.busy()}
            error={submit.error()}
            onBack={back}
            onConfirm={() => void submit.run()}
          />
        )}
      </Show>
      {/* Hidden, not removed, while the preview shows: going back keeps every field and chosen file. */}
      <form ref={form} class="stack-form portal-form" data-testid="submit-form" hidden={preview() !== null} onSubmit={showPreview}>
        <p class="portal-procedure-name">
          <strong>{props.detail.procedure.name}</strong> ({props.detail.procedure.code})
        </p>
        <SubmitFields
          detail={props.detail}
          resumed={props.resumed}
          displayName={props.displayName}
          components={components()}
          stored={stored}
          chosen={chosen()}
          onCase={setCaseCode}
          problem={(field) => submit.problem(field) ?? save.problem(field)}
        />
        <Show when={save.error()}>
          {(e) => (
            <p role="alert" class="error" data-testid="draft-error">
              {errorText(e(), t('actionFailed'))}
            </p>
          )}
        </Show>
        <Show when={savedAt()}>
          {(at) => (
            <p role="status" class="note" data-testid="draft-saved">
              {t('draftSavedAt')} {formatDateTime(at())}
            </p>
          )}
        </Show>
        <div class="button-row">
          <button type="submit" id="portal-submit-preview-button" class="primary">
            {t('previewOpen')}
          </button>
          <button type="button" disabled={save.busy()} onClick={() => void save.run()}>
            {save.busy() ? t('draftSaving') : t('draftSave')}
          </button>
        </div>
      </form>
    </Show>
  );
}
