import { createResource, createSignal, Show } from 'solid-js';
import { answer, api, basedOn } from '../../api.js';
import { createAction, formValues } from '../../components/action.js';
import { Field } from '../../components/field.js';
import { t } from '../../i18n/index.js';
import { FormFooter } from '../../components/form-footer.js';

const senderApi = api.tenants[':tenantId']['notification-sender'];
/** An empty field is "use the platform default", which the API spells null. */
const orNull = (value: string | undefined) => (value?.trim() ? value : null);

/** Danh tính gửi thông báo: the province admin sets its SMS brand name, email sender and Zalo OA. */
export function NotificationSenderForm(props: { tenantId: string }) {
  const [sender, { mutate, refetch }] = createResource(
    () => props.tenantId,
    (tenantId) => answer(senderApi.$get({ param: { tenantId } })),
  );
  const [saved, setSaved] = createSignal(false);
  const save = createAction(
    async (values: Record<string, string>) => {
      setSaved(false);
      const json = {
        smsBrandname: orNull(values.smsBrandname),
        mailFromName: orNull(values.mailFromName),
        mailFromAddress: orNull(values.mailFromAddress),
        zaloOaId: orNull(values.zaloOaId),
      };
      mutate(await answer(senderApi.$put({ param: { tenantId: props.tenantId }, json }, { headers: basedOn(sender()?.revision ?? 0) })));
      setSaved(true);
    },
    { onStale: () => void refetch() },
  );
  return (
    <Show when={sender()}>
      {(current) => (
        <form class="card stack-form" aria-labelledby="sender-heading" data-testid="notification-sender" onSubmit={(e) => void save.run(formValues(e))}>
          <h2 id="sender-heading">{t('senderHeading')}</h2>
          <p class="muted">{t('senderIntro')}</p>
          <Field
            id="sender-brandname"
            name="smsBrandname"
            label={t('senderBrandname')}
            hint={t('senderBrandnameHint')}
            value={current().smsBrandname ?? ''}
            problem={save.problem('smsBrandname')}
          />
          <Field
            id="sender-mail-name"
            name="mailFromName"
            label={t('senderMailName')}
            value={current().mailFromName ?? ''}
            problem={save.problem('mailFromName')}
          />
          <Field
            id="sender-mail-address"
            name="mailFromAddress"
            type="email"
            label={t('senderMailAddress')}
            value={current().mailFromAddress ?? ''}
            problem={save.problem('mailFromAddress')}
          />
          <Field
            id="sender-zalo"
            name="zaloOaId"
            inputMode="numeric"
            label={t('senderZaloOa')}
            hint={t('senderZaloOaHint')}
            value={current().zaloOaId ?? ''}
            problem={save.problem('zaloOaId')}
          />
          <FormFooter action={save} saved={saved() ? t('senderSaved') : ''} />
        </form>
      )}
    </Show>
  );
}
