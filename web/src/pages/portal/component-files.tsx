import { createEffect, createResource, createSignal, For, on, Show, type Resource } from 'solid-js';
import { answer, api, type ItemOf } from '../../api.js';
import { Field, SelectField } from '../../components/field.js';
import { fill, t } from '../../i18n/index.js';

type StoredDocument = ItemOf<typeof api.me.documents.$get>;
interface Component {
  code: string;
  name: string;
  required?: boolean | undefined;
}

/**
 * The citizen's stored documents, once per submission form: one page of the newest, enough to
 * choose from (a store with more is browsed on its own page). A failed load only means uploading.
 */
export function createStoredDocuments(): [Resource<StoredDocument[]>, () => unknown] {
  const [documents, { refetch }] = createResource(() =>
    answer(api.me.documents.$get({ query: { pageSize: '50' } })).then(
      (page) => page.items,
      () => [],
    ),
  );
  return [documents, refetch];
}

/**
 * One component of the submission: upload files, or "Dùng giấy tờ đã lưu", a document of the
 * citizen's data store (docs/domain/citizen-data-store.md). Choosing a stored document removes
 * the upload, so the component is either uploaded or reused, never both. `chosen` is what a
 * saved draft names for it (files uploaded for a draft are stored documents by then): the first
 * is preselected, any further ones go along unchanged.
 */
export function ComponentFiles(props: { component: Component; documents: Resource<StoredDocument[]>; chosen?: string[] | undefined }) {
  const [reuse, setReuse] = createSignal(false);
  const code = () => props.component.code;
  createEffect(
    on(
      () => props.chosen?.[0],
      (id) => id && setReuse(true),
    ),
  );
  const further = () => (props.chosen ?? []).slice(1);
  const nameOf = (id: string) => props.documents()?.find((d) => d.id === id)?.fileName ?? id;
  return (
    <div class="component-files" data-testid={`component-${code()}`}>
      <Show when={!reuse()}>
        <Field
          id={`portal-file-${code()}`}
          name={`file-${code()}`}
          label={props.component.name}
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          multiple
          required={props.component.required !== false}
        />
      </Show>
      {/* The component's name is the checkbox's description, not its label, so the label of the
          upload stays the only control named after the component. */}
      <label class="checkbox">
        <input
          type="checkbox"
          id={`portal-reuse-toggle-${code()}`}
          aria-describedby={`portal-reuse-for-${code()}`}
          checked={reuse()}
          onChange={(e) => setReuse(e.currentTarget.checked)}
        />{' '}
        {t('storeReuse')}
      </label>
      <span id={`portal-reuse-for-${code()}`} class="visually-hidden">
        {props.component.name}
      </span>
      <Show when={reuse()}>
        <Show when={(props.documents() ?? []).length > 0} fallback={<p class="hint">{t('storeReuseNone')}</p>}>
          <SelectField
            id={`portal-reuse-${code()}`}
            name={`reuse-${code()}`}
            label={fill('storeReuseChoose', { component: props.component.name })}
            required={props.component.required !== false}
          >
            <For each={props.documents()}>
              {(d) => (
                <option value={d.id} selected={d.id === props.chosen?.[0]}>
                  {d.fileName} ({d.componentName}, {d.sourceDossierCode ?? t('storeNoDossier')})
                </option>
              )}
            </For>
          </SelectField>
          <Show when={further().length > 0}>
            <p class="hint">{fill('draftAlsoAttached', { names: further().map(nameOf).join('; ') })}</p>
            <For each={further()}>{(id) => <input type="hidden" name={`reuse-${code()}`} value={id} />}</For>
          </Show>
        </Show>
      </Show>
    </div>
  );
}

/** The `reuse` part of the submission: per component, the stored document chosen instead of an upload. */
export function reusedDocuments(data: FormData, components: readonly Component[]): Record<string, string[]> | undefined {
  const chosen = components.flatMap((c): [string, string[]][] => {
    const ids = data.getAll(`reuse-${c.code}`).filter((id): id is string => typeof id === 'string' && id !== '');
    return ids.length > 0 ? [[c.code, ids]] : [];
  });
  return chosen.length > 0 ? Object.fromEntries(chosen) : undefined;
}
