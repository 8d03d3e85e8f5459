import { For, Index, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { Field, SelectField } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { emptyComponent, type Draft } from './catalog-types.js';
import { fill, tv } from './types.js';

interface RowsProps {
  draft: Draft;
  set: SetStoreFunction<Draft>;
  problem: (path: string) => string | undefined;
}

/** Trường hợp và thành phần hồ sơ: each case with its own component list. */
export function CaseRows(props: RowsProps) {
  const removeCase = (i: number) => props.set('cases', (cases) => cases.filter((_, j) => j !== i));
  const removeComponent = (i: number, k: number) => props.set('cases', i, 'components', (list) => list.filter((_, j) => j !== k));
  return (
    <fieldset class="editor-fieldset" data-testid="editor-cases">
      <legend>{t('ministryCases')}</legend>
      <Index each={props.draft.cases}>
        {(c, i) => (
          <div class="stack-form section-gap">
            <div class="editor-row">
              <Field
                id={`pe-case-${i}-code`}
                name={`case-${i}-code`}
                label={t('ministryCaseCode')}
                value={c().code}
                problem={props.problem(`cases.${i}.code`)}
                required
                onInput={(e) => props.set('cases', i, 'code', e.currentTarget.value)}
              />
              <Field
                id={`pe-case-${i}-name`}
                name={`case-${i}-name`}
                label={t('ministryCaseName')}
                value={c().name}
                problem={props.problem(`cases.${i}.name`)}
                required
                onInput={(e) => props.set('cases', i, 'name', e.currentTarget.value)}
              />
              <Show when={props.draft.cases.length > 1}>
                <button type="button" class="link-button" onClick={() => removeCase(i)}>
                  {fill('ministryRemove', { name: c().name || c().code })}
                </button>
              </Show>
            </div>
            <ul class="editor-rows">
              <Index each={c().components}>
                {(m, k) => {
                  const path = `cases.${i}.components.${k}`;
                  const id = `pe-c${i}-m${k}`;
                  return (
                    <li class="editor-row" data-testid={`component-${i}-${k}`}>
                      <Field
                        id={`${id}-code`}
                        name={`${id}-code`}
                        label={t('ministryComponentCode')}
                        value={m().code}
                        problem={props.problem(`${path}.code`)}
                        required
                        onInput={(e) => props.set('cases', i, 'components', k, 'code', e.currentTarget.value)}
                      />
                      <Field
                        id={`${id}-name`}
                        name={`${id}-name`}
                        label={t('ministryComponentName')}
                        value={m().name}
                        problem={props.problem(`${path}.name`)}
                        required
                        onInput={(e) => props.set('cases', i, 'components', k, 'name', e.currentTarget.value)}
                      />
                      <Field
                        id={`${id}-orig`}
                        name={`${id}-orig`}
                        label={t('ministryOriginals')}
                        inputmode="numeric"
                        value={m().originals}
                        problem={props.problem(`${path}.originals`)}
                        required
                        onInput={(e) => props.set('cases', i, 'components', k, 'originals', e.currentTarget.value)}
                      />
                      <Field
                        id={`${id}-copies`}
                        name={`${id}-copies`}
                        label={t('ministryCopies')}
                        inputmode="numeric"
                        value={m().copies}
                        problem={props.problem(`${path}.copies`)}
                        required
                        onInput={(e) => props.set('cases', i, 'components', k, 'copies', e.currentTarget.value)}
                      />
                      <label class="check">
                        <input
                          type="checkbox"
                          checked={m().required}
                          onChange={(e) => props.set('cases', i, 'components', k, 'required', e.currentTarget.checked)}
                        />
                        {t('ministryComponentRequired')}
                      </label>
                      <Show when={c().components.length > 1}>
                        <button type="button" class="link-button" onClick={() => removeComponent(i, k)}>
                          {fill('ministryRemove', { name: m().name || m().code || String(k + 1) })}
                        </button>
                      </Show>
                    </li>
                  );
                }}
              </Index>
            </ul>
            <button type="button" onClick={() => props.set('cases', i, 'components', (list) => [...list, emptyComponent()])}>
              {t('ministryAddComponent')}
            </button>
          </div>
        )}
      </Index>
      <button
        type="button"
        class="section-gap"
        onClick={() => props.set('cases', (cases) => [...cases, { code: '', name: '', components: [emptyComponent()] }])}
      >
        {t('ministryAddCase')}
      </button>
    </fieldset>
  );
}

/** Phí, lệ phí: amounts in đồng, 0 when free. */
export function FeeRows(props: RowsProps) {
  return (
    <fieldset class="editor-fieldset" data-testid="editor-fees">
      <legend>{t('ministryFees')}</legend>
      <Show when={props.draft.fees.length === 0}>
        <p class="muted">{t('ministryNoFees')}</p>
      </Show>
      <ul class="editor-rows">
        <Index each={props.draft.fees}>
          {(f, i) => (
            <li class="editor-row" data-testid={`fee-${i}`}>
              <SelectField
                id={`pe-fee-${i}-kind`}
                name={`fee-${i}-kind`}
                label={t('ministryFeeKind')}
                value={f().kind}
                onChange={(e) => props.set('fees', i, 'kind', e.currentTarget.value as 'fee' | 'charge')}
              >
                <For each={['fee', 'charge']}>{(k) => <option value={k}>{tv('ministryFeeKind', k)}</option>}</For>
              </SelectField>
              <Field
                id={`pe-fee-${i}-name`}
                name={`fee-${i}-name`}
                label={t('ministryFeeName')}
                value={f().name}
                problem={props.problem(`fees.${i}.name`)}
                required
                onInput={(e) => props.set('fees', i, 'name', e.currentTarget.value)}
              />
              <Field
                id={`pe-fee-${i}-amount`}
                name={`fee-${i}-amount`}
                label={t('ministryFeeAmount')}
                inputmode="numeric"
                value={f().amountVnd}
                problem={props.problem(`fees.${i}.amountVnd`)}
                required
                onInput={(e) => props.set('fees', i, 'amountVnd', e.currentTarget.value)}
              />
              <button type="button" class="link-button" onClick={() => props.set('fees', (fees) => fees.filter((_, j) => j !== i))}>
                {fill('ministryRemove', { name: f().name || String(i + 1) })}
              </button>
            </li>
          )}
        </Index>
      </ul>
      <button type="button" onClick={() => props.set('fees', (fees) => [...fees, { kind: 'charge', name: '', amountVnd: '0' }])}>
        {t('ministryAddFee')}
      </button>
    </fieldset>
  );
}
