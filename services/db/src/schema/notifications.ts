import type { NotificationChannel } from '@gov/domain';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { revision } from './revision.js';
import { tenants } from './tenants.js';

/**
 * A province's own sender identity for notifications (docs/domain/notifications.md): the SMS brand
 * name (tên định danh), the email From name and address, and its Zalo Official Account. One row
 * per tenant; no row, or a null column, means the platform default.
 */
export const notificationSenders = pgTable(
  'notification_senders',
  {
    tenantId: uuid()
      .primaryKey()
      .references(() => tenants.id),
    smsBrandname: text(),
    mailFromName: text(),
    mailFromAddress: text(),
    zaloOaId: text(),
    updatedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revision: revision(),
  },
  (t) => [
    check('notification_senders_sms_brandname_check', sql`${t.smsBrandname} ~ '^[A-Za-z0-9 ._-]{1,11}$'`),
    check('notification_senders_mail_from_name_check', sql`char_length(${t.mailFromName}) between 1 and 100`),
    check('notification_senders_mail_from_address_check', sql`char_length(${t.mailFromAddress}) <= 254 and ${t.mailFromAddress} like '%_@_%'`),
    check('notification_senders_zalo_oa_id_check', sql`${t.zaloOaId} ~ '^[0-9]{1,25}$'`),
  ],
);

/**
 * One attempt to send one message on one channel, for what the province pays (SMS, ZNS) and
 * the usage report. Append-only; a channel is sent at most once per message (the partial unique
 * key), so a retry skips what already went out. Holds no destination and no text.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom(),
    messageId: uuid().notNull(),
    channel: text().$type<NotificationChannel>().notNull(),
    status: text().$type<'sent' | 'failed'>().notNull(),
    errorCode: text(),
    providerId: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('notification_deliveries_channel_check', sql`${t.channel} in ('email', 'sms', 'zalo')`),
    check('notification_deliveries_status_check', sql`${t.status} in ('sent', 'failed')`),
    uniqueIndex('notification_deliveries_sent_key')
      .on(t.tenantId, t.messageId, t.channel)
      .where(sql`${t.status} = 'sent'`),
    index('notification_deliveries_at_idx').on(t.tenantId, t.at),
  ],
);
