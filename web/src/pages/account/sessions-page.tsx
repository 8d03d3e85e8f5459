import { createResource, For, Show } from 'solid-js';
import { answer, api, errorText } from '../../api.js';
import { createAction } from '../../components/action.js';
import { LoadState } from '../../components/load-state.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/format.js';
import { deviceName } from './device-name.js';

/**
 * Phiên đăng nhập: every device signed in to the account, and a way to sign out one that was lost.
 * The current device is marked and not offered here: the header's "Đăng xuất" ends it.
 */
export default function SessionsPage() {
  const [sessions, { refetch }] = createResource(() => answer(api.auth.sessions.$get()));
  const end = createAction(async (id: string) => {
    await answer(api.auth.sessions[':sessionId'].$delete({ param: { sessionId: id } }));
    await refetch();
  });
  return (
    <section aria-labelledby="sessions-heading">
      <h1 id="sessions-heading">{t('mySessions')}</h1>
      <p>{t('sessionsIntro')}</p>
      <Show when={end.error()}>
        {(e) => (
          <p role="alert" class="error">
            {errorText(e(), t('actionFailed'))}
          </p>
        )}
      </Show>
      <LoadState data={sessions} retry={() => void refetch()}>
        {(items) => (
          <table data-testid="sessions-table">
            <thead>
              <tr>
                <th scope="col">{t('sessionDevice')}</th>
                <th scope="col">{t('sessionAddress')}</th>
                <th scope="col">{t('sessionOpened')}</th>
                <th scope="col">{t('sessionLastSeen')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('endSession')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={items()}>
                {(row) => (
                  <tr data-testid="session-row" data-current={row.current ? 'true' : 'false'}>
                    <td title={row.userAgent ?? undefined}>{deviceName(row.userAgent) ?? t('unknownDevice')}</td>
                    <td>{row.ip ?? '—'}</td>
                    <td>{formatDateTime(row.createdAt)}</td>
                    <td>{formatDateTime(row.lastSeenAt)}</td>
                    <td>
                      <Show when={!row.current} fallback={<strong>{t('thisDevice')}</strong>}>
                        <button type="button" class="link-button" disabled={end.busy()} onClick={() => void end.run(row.id)}>
                          {end.busy() ? t('endingSession') : t('endSession')}
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </LoadState>
    </section>
  );
}
