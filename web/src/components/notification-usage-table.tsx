import { Show } from 'solid-js';
import type { api, ItemOf } from '../api.js';
import { t, type MessageKey } from '../i18n/index.js';
import { DataTable, type Column } from './data-table.js';

type ProvinceLine = ItemOf<(typeof api.tenants)[':tenantId']['notification-usage']['$get']>;
type NationalLine = ItemOf<(typeof api.reports)['notification-usage']['$get']>;
type Line = ProvinceLine & Partial<Pick<NationalLine, 'name'>>;

const CHANNEL: Record<Line['channel'], MessageKey> = { email: 'channelEmail', sms: 'channelSms', zalo: 'channelZalo' };

const COUNTS: Column<Line>[] = [
  { header: t('usageMonth'), cell: (line) => line.month, class: 'mono' },
  { header: t('usageChannel'), cell: (line) => t(CHANNEL[line.channel]) },
  { header: t('usageSent'), cell: (line) => line.sent, class: 'num' },
  { header: t('usageFailed'), cell: (line) => line.failed, class: 'num' },
];

/** Số lượng thông báo: messages sent and failed per month and channel, with the province for the ministry. */
export function NotificationUsageTable(props: { rows: Line[]; withProvince?: boolean; labelledBy: string }) {
  const columns = () => (props.withProvince ? [{ header: t('usageProvince'), cell: (line: Line) => line.name ?? '' }, ...COUNTS] : COUNTS);
  return (
    <Show when={props.rows.length > 0} fallback={<p class="muted">{t('empty')}</p>}>
      <DataTable labelledBy={props.labelledBy} testId="notification-usage" columns={columns()} rows={props.rows} />
    </Show>
  );
}
