import { boolean, foreignKey, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';
import { users } from './users.js';

/**
 * The dossier's history: who, when, from which step to which, content, the step deadline and
 * whether it was met — enough for the process control sheet (Form 05). `eventKey` comes from
 * the workflow id and step, so a retried projection writes once. Append-only for the app.
 */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    eventKey: text().notNull(),
    kind: text().notNull(),
    actorUserId: uuid().references(() => users.id),
    fromStep: text(),
    toStep: text(),
    // What the officer wrote with the action (reason, note, items…): always an object.
    content: jsonb().$type<Record<string, unknown>>(),
    stepDueAt: timestamp({ withTimezone: true }),
    deadlineMet: boolean(),
    occurredAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('dossier_events_key').on(t.tenantId, t.dossierId, t.eventKey),
    foreignKey({ name: 'dossier_events_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
  ],
);
