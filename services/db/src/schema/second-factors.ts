import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { users } from './users.js';

/**
 * An administrator's TOTP authenticator (RFC 6238). Global like `users`: it is proven before any
 * province is in play. The shared secret is kept only as an AES-256-GCM envelope
 * (`v1.<iv>.<tag>.<ciphertext>`, the key outside the database); `enrolledAt` stays null until the
 * admin has typed a first code from the app, and `lastUsedStep` refuses a code's second use.
 */
export const secondFactors = pgTable('second_factors', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretCiphertext: text().notNull(),
  enrolledAt: timestamp({ withTimezone: true }),
  lastUsedStep: bigint({ mode: 'number' }),
  createdAt: createdAt(),
});

/** Single-use recovery codes of an enrolment (SHA-256 only); a reset or a new enrolment drops them. */
export const secondFactorRecoveryCodes = pgTable(
  'second_factor_recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => secondFactors.userId, { onDelete: 'cascade' }),
    codeDigest: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('second_factor_recovery_codes_user_idx').on(t.userId)],
);
