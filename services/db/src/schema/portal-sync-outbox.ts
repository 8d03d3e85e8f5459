import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';

/**
 * The national portal's outbox (docs/domain/national-portal-sync.md): one row per change of what
 * the portal holds about a dossier, written in the projection's transaction. `seq` orders a
 * dossier's rows, and only a dossier's lowest undelivered row is ever sent. After the last
 * attempt a row is dead (`deadAt`) until an admin replays it; the dossier's later rows wait.
 */
export const portalSyncOutbox = pgTable(
  'portal_sync_outbox',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    seq: integer().notNull(),
    nationalStatus: smallint().notNull(),
    /** The record as the portal receives it (`PortalDossierRecord`); no citizen ID number. */
    payload: jsonb().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The portal's error code and message, or the transport's error; never the payload. */
    lastError: text(),
    dispatchedAt: timestamp({ withTimezone: true }),
    deadAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('portal_sync_outbox_dossier_seq_key').on(t.tenantId, t.dossierId, t.seq),
    foreignKey({ name: 'portal_sync_outbox_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    check('portal_sync_outbox_seq_check', sql`${t.seq} >= 1`),
    check('portal_sync_outbox_national_status_check', sql`${t.nationalStatus} between 1 and 10`),
    index('portal_sync_outbox_pending_idx')
      .on(t.tenantId, t.nextAttemptAt)
      .where(sql`${t.dispatchedAt} is null and ${t.deadAt} is null`),
    index('portal_sync_outbox_dead_idx')
      .on(t.tenantId, t.deadAt)
      .where(sql`${t.dispatchedAt} is null and ${t.deadAt} is not null`),
  ],
);
