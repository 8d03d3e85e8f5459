import { bigint, foreignKey, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';
import { users } from './users.js';

/** Metadata of a dossier component's file; the bytes live in object storage under `storageKey`. */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    componentCode: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().references(() => users.id),
    uploadedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'dossier_files_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
  ],
);
