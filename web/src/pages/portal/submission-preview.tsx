import { formFieldsOf } from '@gov/domain';
import { For, Show } from 'solid-js';
import { errorText, type ItemOf, type api } from '../../api.js';
import { declaredValues } from '../../components/declared-fields.js';
import { t } from '../../i18n/index.js';
import { FeeList } from './fee-list.js';
import { formText, type Component, type ProcedureDetail } from './portal-api.js';

type StoredDocument = ItemOf<typeof api.me.documents.$get>;

/** What will be filed, read from the form as it stands: each component with the files or stored documents attached to it. */
export interface Summary {
  caseName: string | null;
  unitName: string;
  fields: { label: string; value: string }[];
  components: { name: string; files: string[] }[];
  note: string;
}

export function summarise(args: {
  data: FormData;
  detail: ProcedureDetail;
  caseName: string | null;
  components: readonly Component[];
  documents: StoredDocument[];
}): Summary {
  const text = (name: string) => formText(args.data, name);
  const stored = (id: string) => args.documents.find((d) => d.id === id)?.fileName ?? id;
  const fields = formFieldsOf(args.detail.procedure.forms);
  const declared = declaredValues(args.data, fields);
  const shown = (value: string | number | boolean | undefined) =>
    value === undefined ? '' : typeof value === 'boolean' ? t(value ? 'declaredFieldYes' : 'declaredFieldNo') : String(value);
  return {
    caseName: args.caseName,
    unitName: args.detail.receivingUnits.find((u) => u.id === text('receivingUnitId'))?.name ?? '—',
    fields: [
      { label: t('portalFullName'), value: text('fullName') },
      { label: t('portalCitizenId'), value: text('citizenId') },
      { label: t('portalPhone'), value: text('phone') },
      { label: t('portalEmail'), value: text('email') },
      // The procedure's own form fields, as the applicant filled them in.
      ...fields.map((f) => ({ label: f.label, value: shown(declared[f.key]) })),
    ],
    components: args.components.map((c) => ({
      name: c.name,
      files: [
        ...args.data.getAll(`file-${c.code}`).flatMap((f) => (f instanceof File && f.size > 0 ? [f.name] : [])),
        ...args.data.getAll(`reuse-${c.code}`).flatMap((id) => (typeof id === 'string' && id ? [stored(id)] : [])),
      ],
    })),
    note: text('note'),
  };
}

/**
 * Xem lại trước khi nộp: a read-only summary of what will be filed, confirmed before the
 * submission. The form stays mounted behind it (hidden), so "back to edit" keeps every field and
 * every chosen file.
 */
export function SubmissionPreview(props: {
  summary: Summary;
  detail: ProcedureDetail;
  busy: boolean;
  error: unknown;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const p = () => props.detail.procedure;
  return (
    <section class="portal-preview" aria-labelledby="portal-preview-heading" data-testid="submit-preview">
      <h2 id="portal-preview-heading" class="portal-subheading" tabindex="-1">
        {t('previewHeading')}
      </h2>
      <p class="muted">{t('previewIntro')}</p>
      <dl class="portal-facts">
        <dt>{t('previewProcedure')}</dt>
        <dd>
          {p().name} ({p().code})<Show when={props.summary.caseName}> — {props.summary.caseName}</Show>
        </dd>
        <dt>{t('portalReceivingUnit')}</dt>
        <dd>{props.summary.unitName}</dd>
        <For each={props.summary.fields}>
          {(f) => (
            <>
              <dt>{f.label}</dt>
              <dd>{f.value || '—'}</dd>
            </>
          )}
        </For>
      </dl>
      <h3 class="portal-subheading">{t('portalFiles')}</h3>
      <ul data-testid="preview-components">
        <For each={props.summary.components}>
          {(c) => (
            <li>
              <strong>{c.name}</strong>: {c.files.length > 0 ? c.files.join('; ') : t('previewNoFile')}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.summary.note}>
        <h3 class="portal-subheading">{t('portalNote')}</h3>
        <p>{props.summary.note}</p>
      </Show>
      <h3 class="portal-subheading">{t('portalFees')}</h3>
      <FeeList detail={props.detail} />
      <Show when={props.error}>
        {(e) => (
          <p id="portal-submit-error" role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <div class="button-row">
        <button type="button" class="primary" disabled={props.busy} onClick={() => props.onConfirm()}>
          {props.busy ? t('portalSending') : t('portalSend')}
        </button>
        <button type="button" disabled={props.busy} onClick={() => props.onBack()}>
          {t('previewBack')}
        </button>
      </div>
    </section>
  );
}
