import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossierFiles } from './dossier-files.js';
import { dossiers } from './dossiers.js';
import { users } from './users.js';

/**
 * A file the citizen handed in with a dossier, a result issued to them, or a file they uploaded
 * into the store for a draft (no dossier yet: the source columns are null, 0058 in migrations/).
 */
export const CITIZEN_DOCUMENT_KINDS = ['submitted', 'result', 'uploaded'] as const;

/**
 * Kho dữ liệu của công dân: a citizen's documents, kept for reuse in later submissions
 * (docs/domain/citizen-data-store.md). `tenantId` is the province of the source dossier, whose
 * folder holds the bytes under `storageKey`. Forced RLS: written in that province's transaction,
 * read and hidden only with the owner's `app.user_id` (restrictive policies, 0056 in migrations/).
 */
export const citizenDocuments = pgTable(
  'citizen_documents',
  {
    ...tenantColumns(),
    ownerUserId: uuid()
      .notNull()
      .references(() => users.id),
    sourceDossierId: uuid(),
    sourceDossierCode: text(),
    sourceFileId: uuid(),
    componentName: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sha256: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    storageKey: text().notNull(),
    kind: text({ enum: CITIZEN_DOCUMENT_KINDS }).notNull(),
    createdAt: createdAt(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('citizen_documents_source_file_key').on(t.tenantId, t.sourceFileId),
    foreignKey({ name: 'citizen_documents_dossier_fk', columns: [t.tenantId, t.sourceDossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    foreignKey({ name: 'citizen_documents_file_fk', columns: [t.tenantId, t.sourceFileId], foreignColumns: [dossierFiles.tenantId, dossierFiles.id] }),
    check('citizen_documents_kind_check', sql`${t.kind} in ('submitted', 'result', 'uploaded')`),
    index('citizen_documents_owner_idx')
      .on(t.ownerUserId, t.createdAt.desc())
      .where(sql`${t.deletedAt} is null`),
  ],
);
