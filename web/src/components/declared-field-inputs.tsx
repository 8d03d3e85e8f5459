import type { FormField, FormValue } from '@gov/domain';
import { For, Match, Show, Switch } from 'solid-js';
import { t } from '../i18n/index.js';
import { inputName, inputValue } from './declared-fields.js';
import { Field, SelectField } from './field.js';

/**
 * Thông tin tờ khai: one typed input per field the procedure's forms declare, with the catalog's
 * Vietnamese label; a required field must be filled before the form is sent (and the API refuses
 * it anyway). Read back with `declaredValues`. Nothing shows when the procedure declares none.
 */
export function DeclaredFieldInputs(props: {
  /** Prefix of the inputs' ids, unique on the page (`portal`, `i`). */
  idPrefix: string;
  fields: readonly FormField[];
  /** A resumed draft's values. */
  values?: Readonly<Record<string, FormValue>> | undefined;
  problem?: (path: string) => string | undefined;
}) {
  const id = (key: string) => `${props.idPrefix}-field-${key}`;
  const problem = (key: string) => props.problem?.(`formData.${key}`);
  return (
    <Show when={props.fields.length > 0}>
      <fieldset data-testid="declared-fields">
        <legend>{t('declaredFieldsLegend')}</legend>
        <For each={props.fields}>
          {(field) => (
            <Switch>
              <Match when={field.type === 'choice' || field.type === 'boolean'}>
                <SelectField id={id(field.key)} name={inputName(field.key)} label={field.label} required={field.required} problem={problem(field.key)}>
                  <option value="">{t('declaredFieldChoose')}</option>
                  <For
                    each={
                      field.type === 'boolean'
                        ? [
                            { value: 'true', label: t('declaredFieldYes') },
                            { value: 'false', label: t('declaredFieldNo') },
                          ]
                        : (field.options ?? []).map((o) => ({ value: o, label: o }))
                    }
                  >
                    {(o) => (
                      <option value={o.value} selected={o.value === inputValue(props.values?.[field.key])}>
                        {o.label}
                      </option>
                    )}
                  </For>
                </SelectField>
              </Match>
              <Match when={field.type === 'number'}>
                <Field
                  id={id(field.key)}
                  name={inputName(field.key)}
                  label={field.label}
                  type="number"
                  step="any"
                  inputmode="decimal"
                  required={field.required}
                  value={inputValue(props.values?.[field.key])}
                  problem={problem(field.key)}
                />
              </Match>
              <Match when={true}>
                <Field
                  id={id(field.key)}
                  name={inputName(field.key)}
                  label={field.label}
                  maxLength={2000}
                  required={field.required}
                  value={inputValue(props.values?.[field.key])}
                  problem={problem(field.key)}
                />
              </Match>
            </Switch>
          )}
        </For>
      </fieldset>
    </Show>
  );
}
