import { NOTIFICATION_CHANNELS } from '@gov/domain';
import { createResource, createSignal, For } from 'solid-js';
import { answer, api, type Answer } from '../../api.js';
import { createAction } from '../../components/action.js';
import { LoadOne } from '../../components/load-state.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { FormFooter } from '../../components/form-footer.js';

type Preference = Answer<(typeof api.me)['notification-preference']['$get']>;
type Choice = Preference['channel'];

const LABELS: Record<NonNullable<Choice> | 'all', MessageKey> = { all: 'channelAll', email: 'channelEmail', sms: 'channelSms', zalo: 'channelZalo' };

/** Nhận thông báo: the citizen chooses email, SMS or Zalo for news of their dossiers. */
export default function NotificationPreferencePage() {
  const preferenceApi = api.me['notification-preference'];
  const [preference, { mutate, refetch }] = createResource(() => answer(preferenceApi.$get()));
  const [saved, setSaved] = createSignal(false);
  const save = createAction(async (channel: Choice) => {
    setSaved(false);
    mutate(await answer(preferenceApi.$put({ json: { channel } })));
    setSaved(true);
  });
  return (
    <section aria-labelledby="preference-heading">
      <h1 id="preference-heading">{t('preferenceHeading')}</h1>
      <p>{t('preferenceIntro')}</p>
      <LoadOne data={preference} retry={() => void refetch()}>
        {(current) => (
          <form
            class="card stack-form"
            data-testid="notification-preference"
            onSubmit={(e) => {
              e.preventDefault();
              const value = new FormData(e.currentTarget).get('channel');
              void save.run(value === 'all' || typeof value !== 'string' ? null : (value as Choice));
            }}
          >
            <fieldset>
              <legend>{t('preferenceHeading')}</legend>
              <For each={['all', ...NOTIFICATION_CHANNELS] as const}>
                {(choice) => (
                  <label class="radio">
                    <input type="radio" name="channel" value={choice} checked={(current().channel ?? 'all') === choice} />
                    {t(LABELS[choice])}
                  </label>
                )}
              </For>
            </fieldset>
            <FormFooter action={save} saved={saved() ? t('preferenceSaved') : ''} />
          </form>
        )}
      </LoadOne>
    </section>
  );
}
