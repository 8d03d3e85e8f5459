import { formFieldsOf, type FormValue } from '@gov/domain';
import { For, Show, type Resource } from 'solid-js';
import type { ItemOf, api } from '../../api.js';
import { DeclaredFieldInputs } from '../../components/declared-field-inputs.js';
import { Field, SelectField } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { ComponentFiles } from './component-files.js';
import type { Component, ProcedureDetail } from './portal-api.js';

type StoredDocument = ItemOf<typeof api.me.documents.$get>;
interface Resumed {
  form: {
    caseCode?: string | undefined;
    receivingUnitId?: string | undefined;
    applicant?: Record<string, string | undefined> | undefined;
    note?: string | undefined;
    formData?: Record<string, FormValue> | undefined;
  };
}

/**
 * The guided form's fields, built from the procedure: case, receiving unit, applicant, the
 * fields its forms declare, one upload-or-reuse per component, note. A resumed draft fills them; they stay uncontrolled, read
 * as FormData when saved, previewed or filed.
 */
export function SubmitFields(props: {
  detail: ProcedureDetail;
  resumed: Resumed | undefined;
  displayName: string;
  components: readonly Component[];
  stored: Resource<StoredDocument[]>;
  chosen: Record<string, string[]>;
  onCase: (code: string) => void;
  problem: (field: string) => string | undefined;
}) {
  const saved = props.resumed?.form;
  return (
    <>
      <Show when={props.detail.procedure.cases.length > 1}>
        <SelectField id="portal-case" name="caseCode" label={t('portalCase')} onChange={(e) => props.onCase(e.currentTarget.value)}>
          <For each={props.detail.procedure.cases}>
            {(c) => (
              <option value={c.code} selected={c.code === saved?.caseCode}>
                {c.name}
              </option>
            )}
          </For>
        </SelectField>
      </Show>
      <SelectField id="portal-receiving-unit" name="receivingUnitId" label={t('portalReceivingUnit')} required problem={props.problem('receivingUnitId')}>
        <For each={props.detail.receivingUnits}>
          {(u) => (
            <option value={u.id} selected={u.id === saved?.receivingUnitId}>
              {u.name}
            </option>
          )}
        </For>
      </SelectField>
      <fieldset>
        <legend>{t('portalApplicant')}</legend>
        <Field
          id="portal-full-name"
          name="fullName"
          label={t('portalFullName')}
          required
          autocomplete="name"
          value={saved?.applicant?.fullName ?? props.displayName}
          problem={props.problem('applicant.fullName')}
        />
        <Field
          id="portal-citizen-id"
          name="citizenId"
          label={t('portalCitizenId')}
          hint={t('portalCitizenIdHint')}
          required
          inputmode="numeric"
          maxLength={12}
          value={saved?.applicant?.citizenId ?? ''}
          problem={props.problem('applicant.citizenId')}
        />
        <Field
          id="portal-phone"
          name="phone"
          label={t('portalPhone')}
          type="tel"
          autocomplete="tel"
          value={saved?.applicant?.phone ?? ''}
          problem={props.problem('applicant.phone')}
        />
        <Field
          id="portal-email"
          name="email"
          label={t('portalEmail')}
          type="email"
          autocomplete="email"
          value={saved?.applicant?.email ?? ''}
          problem={props.problem('applicant.email')}
        />
      </fieldset>
      <DeclaredFieldInputs idPrefix="portal" fields={formFieldsOf(props.detail.procedure.forms)} values={saved?.formData} problem={props.problem} />
      <fieldset>
        <legend>{t('portalFiles')}</legend>
        <p class="hint">{t('portalFilesHint')}</p>
        <For each={props.components}>
          {(component) => <ComponentFiles component={component} documents={props.stored} chosen={props.chosen[component.code]} />}
        </For>
      </fieldset>
      <div class="field">
        <label for="portal-note">{t('portalNote')}</label>
        <textarea id="portal-note" name="note" maxLength={2000} rows={3} value={saved?.note ?? ''} />
      </div>
    </>
  );
}
