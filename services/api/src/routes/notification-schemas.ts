import { NotificationChannel, NotificationSender } from '@gov/domain';
import * as v from 'valibot';
import type { ExportColumn } from '../export/index.js';
import { Revision } from './admin-schemas.js';

/** The province's sender identity as in force (null parts: the platform default) and its revision. */
export const SenderState = v.object({ ...NotificationSender.entries, revision: Revision });

const Period = v.object({ from: v.string(), to: v.string() });
const UsageCounts = {
  month: v.pipe(v.string(), v.description('The month in Vietnam time, YYYY-MM')),
  channel: NotificationChannel,
  sent: v.number(),
  failed: v.pipe(v.number(), v.description('Failed attempts; a message retried until it went out counts each failure')),
};
export const ProvinceUsage = v.object({ period: Period, items: v.array(v.object(UsageCounts)) });
export type ProvinceUsage = v.InferOutput<typeof ProvinceUsage>;
export const NationalUsage = v.object({
  period: Period,
  items: v.array(v.object({ tenantId: v.string(), code: v.string(), name: v.string(), ...UsageCounts })),
});
export type NationalUsage = v.InferOutput<typeof NationalUsage>;

type UsageLine = ProvinceUsage['items'][number] & { code?: string; name?: string };
const CHANNEL_NAMES: Record<NotificationChannel, string> = { email: 'Thư điện tử', sms: 'SMS', zalo: 'Zalo' };

const counts: ExportColumn<UsageLine>[] = [
  { key: 'month', vi: 'Tháng', en: 'Month', value: (line) => line.month },
  { key: 'channel', vi: 'Kênh', en: 'Channel', value: (line) => CHANNEL_NAMES[line.channel] },
  { key: 'sent', vi: 'Đã gửi', en: 'Sent', value: (line) => line.sent },
  { key: 'failed', vi: 'Gửi lỗi', en: 'Failed', value: (line) => line.failed },
];
export const PROVINCE_USAGE_COLUMNS = counts;
export const NATIONAL_USAGE_COLUMNS: ExportColumn<UsageLine>[] = [
  { key: 'code', vi: 'Mã tỉnh', en: 'Province code', value: (line) => line.code ?? '' },
  { key: 'name', vi: 'Tỉnh, thành phố', en: 'Province', value: (line) => line.name ?? '' },
  ...counts,
];
