import { NATIONAL_STATUS, type NationalStatus } from '@gov/domain';
import { Show } from 'solid-js';
import { pick, t, type MessageKey } from '../../i18n/index.js';

/** The national status (1–10) in words, with its number for officers who know the codes. */
export function StatusBadge(props: { status: number }) {
  const label = () => NATIONAL_STATUS[props.status as NationalStatus];
  return (
    <span class={`badge status-${props.status}`} data-testid="national-status">
      {label() ? pick(label()) : String(props.status)}
    </span>
  );
}

/** Near-due and overdue, in words and colour (never colour alone). */
export function DeadlineBadge(props: { overdue: boolean; nearDue: boolean }) {
  return (
    <>
      <Show when={props.overdue}>
        <span class="badge badge-overdue">{t('officerOverdue')}</span>
      </Show>
      <Show when={!props.overdue && props.nearDue}>
        <span class="badge badge-near">{t('officerNearDue')}</span>
      </Show>
    </>
  );
}

const CHANNEL_LABEL: Record<string, MessageKey> = {
  online: 'officerChannelOnline',
  in_person: 'officerChannelInPerson',
  postal: 'officerChannelPostal',
  proxy: 'officerChannelProxy',
};

export const channelLabel = (channel: string) => (CHANNEL_LABEL[channel] ? t(CHANNEL_LABEL[channel]) : channel);
