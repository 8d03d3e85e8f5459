import { Show } from 'solid-js';
import { answer, api, basedOn, errorText } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import type { OrgUnit } from './types.js';

const FIELDS = ['publicAddress', 'hotline', 'publicEmail', 'openingHours', 'mapUrl'] as const;

/**
 * "Thông tin liên hệ": the unit's public contact details, shown to citizens on the portal and the
 * status lookup. A box left empty clears that detail (sent as null); the API checks the formats
 * and names each field it refuses.
 */
export function UnitContactForm(props: { tenantId: string; unit: OrgUnit; onSaved: () => void; onCancel: () => void; onStale: () => void }) {
  const save = createAction(
    async (values: Record<string, string>) => {
      const json = Object.fromEntries(FIELDS.map((field) => [field, values[field]?.trim() || null]));
      const param = { tenantId: props.tenantId, unitId: props.unit.id };
      await answer(api.tenants[':tenantId']['org-units'][':unitId'].$patch({ param, json }, { headers: basedOn(props.unit.revision) }));
      props.onSaved();
    },
    // Someone else saved the unit meanwhile: reload it, keep the form open over what is now saved.
    { onStale: () => props.onStale() },
  );
  const id = (field: string) => `contact-${field}-${props.unit.id}`;
  return (
    <form
      class="stack-form unit-contact-form"
      data-testid="unit-contact-form"
      aria-label={`${t('unitContact')}: ${props.unit.name}`}
      onSubmit={(e) => void save.run(formValues(e))}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <p class="muted">{t('unitContactIntro')}</p>
      <Field
        id={id('publicAddress')}
        name="publicAddress"
        label={t('unitContactAddress')}
        value={props.unit.publicAddress ?? ''}
        maxLength={300}
        problem={save.problem('publicAddress')}
        ref={(el) => queueMicrotask(() => el.focus())}
      />
      <Field
        id={id('hotline')}
        name="hotline"
        type="tel"
        label={t('unitContactHotline')}
        hint={t('unitContactHotlineHint')}
        value={props.unit.hotline ?? ''}
        maxLength={30}
        problem={save.problem('hotline')}
      />
      <Field
        id={id('publicEmail')}
        name="publicEmail"
        type="email"
        label={t('unitContactEmail')}
        value={props.unit.publicEmail ?? ''}
        maxLength={254}
        problem={save.problem('publicEmail')}
      />
      <Field
        id={id('openingHours')}
        name="openingHours"
        label={t('unitContactHours')}
        hint={t('unitContactHoursHint')}
        value={props.unit.openingHours ?? ''}
        maxLength={300}
        problem={save.problem('openingHours')}
      />
      <Field
        id={id('mapUrl')}
        name="mapUrl"
        type="url"
        label={t('unitContactMap')}
        hint={t('unitContactMapHint')}
        value={props.unit.mapUrl ?? ''}
        maxLength={500}
        problem={save.problem('mapUrl')}
      />
      <div class="button-row">
        <button type="submit" class="primary" disabled={save.busy()}>
          {t('save')}
        </button>
        <button type="button" class="link-button" onClick={() => props.onCancel()}>
          {t('cancel')}
        </button>
      </div>
      <Show when={save.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
    </form>
  );
}
