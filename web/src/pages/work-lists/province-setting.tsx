import { createResource, createSignal, Show } from 'solid-js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { FormFooter } from '../../components/form-footer.js';
import { t, type MessageKey } from '../../i18n/index.js';

type State<K extends string> = Record<K, number> & { revision: number };

/**
 * One number a province admin sets on the province (the stuck threshold, the archive period): a
 * card with its field, saved with the revision it was read at; a stale page reloads the value.
 */
export function ProvinceSetting<K extends string>(props: {
  /** The setting's field in the API's body, and the form field's name. */
  name: K;
  /** The page-unique id prefix: `<id>-heading`, `<id>-input`, and `data-testid` `<id>`. */
  id: string;
  text: { heading: MessageKey; label: MessageKey; hint: MessageKey; saved: MessageKey };
  load: () => Promise<State<K>>;
  store: (value: number, revision: number) => Promise<State<K>>;
  onSaved?: () => void;
}) {
  const [settings, { mutate, refetch }] = createResource(() => props.load());
  const [saved, setSaved] = createSignal(false);
  const save = createAction(
    async (value: number) => {
      setSaved(false);
      const stored = await props.store(value, settings()?.revision ?? 0);
      mutate(() => stored);
      setSaved(true);
      props.onSaved?.();
    },
    { onStale: () => void refetch() },
  );
  return (
    <Show when={settings()}>
      {(current) => (
        <form
          class="card stack-form work-list-setting"
          aria-labelledby={`${props.id}-heading`}
          data-testid={props.id}
          onSubmit={(e) => {
            // Sent as typed (a number or not): the API's Vietnamese message says what is wrong.
            const raw = (formValues(e)[props.name] ?? '').trim();
            void save.run(raw === '' ? Number.NaN : Number(raw));
          }}
        >
          <h2 id={`${props.id}-heading`}>{t(props.text.heading)}</h2>
          <Field
            id={`${props.id}-input`}
            name={props.name}
            type="number"
            inputMode="numeric"
            label={t(props.text.label)}
            hint={t(props.text.hint)}
            value={String(current()[props.name])}
            problem={save.problem(props.name)}
          />
          <FormFooter action={save} saved={saved() ? t(props.text.saved) : ''} />
        </form>
      )}
    </Show>
  );
}
