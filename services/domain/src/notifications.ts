import * as v from 'valibot';

// Notifications per province (docs/domain/notifications.md): the channels a message may take, a
// province's own sender identity and a citizen's choice of channel.

/** Thư điện tử, tin nhắn SMS, Zalo (ZNS to the citizen's phone number). */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'zalo'] as const;
export const NotificationChannel = v.picklist(NOTIFICATION_CHANNELS, 'Kênh nhận thông báo là email, sms hoặc zalo (channel is email, sms or zalo)');
export type NotificationChannel = v.InferOutput<typeof NotificationChannel>;

/** A citizen's choice; null goes back to every contact the dossier has. */
export const NotificationPreference = v.object({ channel: v.nullable(NotificationChannel) });
export type NotificationPreference = v.InferOutput<typeof NotificationPreference>;

const text = (max: number, what: string) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty(`${what} không được để trống (gửi null để dùng mặc định)`), v.maxLength(max, `${what} dài tối đa ${max} ký tự`));

/**
 * A province's sender identity; each part null means the platform default. Carriers register an
 * SMS brand name (tên định danh) of at most 11 characters without accents; a Zalo Official
 * Account id is a number.
 */
export const NotificationSender = v.object({
  smsBrandname: v.nullable(
    v.pipe(
      text(11, 'Tên định danh SMS'),
      v.regex(
        /^[A-Za-z0-9 ._-]+$/,
        'Tên định danh SMS chỉ gồm chữ không dấu, chữ số, dấu cách, dấu chấm, gạch (SMS brand name: letters without accents, digits)',
      ),
    ),
  ),
  mailFromName: v.nullable(text(100, 'Tên người gửi thư')),
  mailFromAddress: v.nullable(v.pipe(text(254, 'Địa chỉ gửi thư'), v.email('Địa chỉ gửi thư không hợp lệ (ví dụ motcua@hanoi.gov.vn)'))),
  zaloOaId: v.nullable(v.pipe(text(25, 'Mã Zalo OA'), v.regex(/^\d+$/, 'Mã Zalo OA chỉ gồm chữ số (the Zalo OA id is a number)'))),
});
export type NotificationSender = v.InferOutput<typeof NotificationSender>;
