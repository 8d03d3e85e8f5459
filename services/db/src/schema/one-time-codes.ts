import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { users } from './users.js';

export const oneTimeCodePurpose = pgEnum('one_time_code_purpose', ['verify_contact', 'reset_password', 'invitation']);
export const contactChannel = pgEnum('contact_channel', ['email', 'sms']);

/**
 * One-time codes (mã xác thực) for contact verification, password reset and invitations. Global
 * like `users`. Only an HMAC of the code is stored; the code is derived from the row id with a key
 * held by the API and the worker, so neither this table nor the outbox holds it in clear.
 */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: oneTimeCodePurpose().notNull(),
    channel: contactChannel().notNull(),
    destination: text().notNull(),
    codeDigest: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('one_time_codes_user_idx').on(t.userId, t.purpose, t.createdAt.desc())],
);

/**
 * The outbox for account messages, which belong to no province (a citizen signing up has none):
 * written in the transaction that issues the code, delivered by the worker's outbox relay.
 */
export const accountOutbox = pgTable(
  'account_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    codeId: uuid()
      .notNull()
      .references(() => oneTimeCodes.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    attempts: integer().notNull().default(0),
    dispatchedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('account_outbox_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.dispatchedAt} is null`),
  ],
);
