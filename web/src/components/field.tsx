import { Show, splitProps, type JSX } from 'solid-js';
import { t } from '../i18n/index.js';

/** The label, with a required mark that screen readers hear as words rather than "star". */
function FieldLabel(props: { for: string; text: string; required: boolean | undefined }) {
  return (
    <label for={props.for}>
      {props.text}
      <Show when={props.required}>
        <span class="req" aria-hidden="true">
          {' '}
          *
        </span>
        <span class="visually-hidden"> ({t('required')})</span>
      </Show>
    </label>
  );
}

/** Hint and API problem, tied to the control with aria-describedby. */
function Notes(props: { id: string; hint?: string | undefined; problem?: string | undefined }) {
  return (
    <>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.problem}>
        <p id={`${props.id}-problem`} class="field-problem">
          {props.problem}
        </p>
      </Show>
    </>
  );
}

const describedBy = (id: string, hint?: string, problem?: string) => [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;

interface FieldProps extends JSX.InputHTMLAttributes<HTMLInputElement> {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /** The API's problem with this field, shown beside it and announced with it. */
  problem?: string | undefined;
}

export function Field(props: FieldProps) {
  const [own, input] = splitProps(props, ['label', 'hint', 'problem']);
  return (
    <div class="field">
      <FieldLabel for={props.id} text={own.label} required={props.required} />
      <input {...input} aria-invalid={own.problem ? 'true' : undefined} aria-describedby={describedBy(props.id, own.hint, own.problem)} />
      <Notes id={props.id} hint={own.hint} problem={own.problem} />
    </div>
  );
}

interface SelectProps extends JSX.SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  name: string;
  label: string;
  hint?: string;
  problem?: string | undefined;
}

export function SelectField(props: SelectProps) {
  const [own, select] = splitProps(props, ['label', 'hint', 'problem', 'children']);
  return (
    <div class="field">
      <FieldLabel for={props.id} text={own.label} required={props.required} />
      <select {...select} aria-invalid={own.problem ? 'true' : undefined} aria-describedby={describedBy(props.id, own.hint, own.problem)}>
        {own.children}
      </select>
      <Notes id={props.id} hint={own.hint} problem={own.problem} />
    </div>
  );
}
