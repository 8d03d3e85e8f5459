import type { NotificationChannel } from '@gov/domain';
import { sql } from 'drizzle-orm';
import { bigint, boolean, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { tenants } from './tenants.js';

export const userKind = pgEnum('user_kind', ['officer', 'ministry', 'citizen']);
export const userStatus = pgEnum('user_status', ['active', 'disabled']);

/**
 * Login identities, global because a person signs in before any tenant is known and may work in
 * several provinces. What a user is in a province (name, unit, roles) is tenant-owned data in
 * tenant_users and role_assignments.
 */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    login: text().notNull(),
    passwordHash: text(),
    kind: userKind().notNull(),
    /**
     * The province whose admins manage this officer account (null for ministry staff and
     * citizens). Abilities are built from the role assignments in this tenant.
     */
    homeTenantId: uuid().references(() => tenants.id),
    status: userStatus().notNull().default('active'),
    displayName: text().notNull(),
    /** Null until the account's first password is set (an invited officer has none yet). */
    passwordChangedAt: timestamp({ withTimezone: true }),
    /**
     * Set when someone else chose the password (admins did, for resets and new accounts, before
     * invitations; docs/domain/account-authority.md#invitations): until the user picks their own,
     * a session may only read /api/auth/me, sign out and change the password. Nothing sets it now;
     * it stays for accounts that still carry it.
     */
    passwordChangeRequired: boolean().notNull().default(false),
    /** Citizens' own contacts (officers' live in tenant_users, owned by their province). */
    email: text(),
    phone: text(),
    /**
     * HMAC-SHA256 of the CCCD number with a key held outside the database: counter intake finds
     * the account by it, and the table cannot be read back into ID numbers.
     */
    citizenIdDigest: text(),
    /** How a citizen wants to hear about their dossiers (email, SMS or Zalo); null: every contact the dossier has. */
    notificationChannel: text().$type<NotificationChannel>(),
    /** Null while a self-registered citizen has not confirmed their contact with a code. */
    contactVerifiedAt: timestamp({ withTimezone: true }).defaultNow(),
    /**
     * A new value on every change to the user's role assignments (a trigger, migration 0072): the
     * API keeps an officer's grants between requests under it (docs/operations/performance.md).
     */
    accessRevision: bigint({ mode: 'number' })
      .notNull()
      .default(sql`nextval('gov_access_revision')`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_login_key').on(sql`lower(${t.login})`),
    uniqueIndex('users_citizen_id_digest_key')
      .on(t.citizenIdDigest)
      .where(sql`${t.citizenIdDigest} is not null`),
    uniqueIndex('users_email_key')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    uniqueIndex('users_phone_key')
      .on(t.phone)
      .where(sql`${t.phone} is not null`),
  ],
);

/**
 * Sessions after lucia's current design: the browser holds `<id>.<secret>`; we store the id and
 * only the SHA-256 of the secret, compared in constant time, so a leaked table cannot be replayed
 * and lookups by id leak nothing about the secret.
 */
export const sessions = pgTable('sessions', {
  id: text().primaryKey(),
  secretHash: text().notNull(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: createdAt(),
  /** The browser's User-Agent when the session was opened, so its owner can tell devices apart. */
  userAgent: text(),
  ip: text(),
  /** Written at most every few minutes (sessions.ts), not on every request. */
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** When this session passed the second factor; an admin's session is held back while it is null. */
  secondFactorAt: timestamp({ withTimezone: true }),
});
