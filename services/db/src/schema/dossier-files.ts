import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';
import { users } from './users.js';

/**
 * Why a file is on the dossier: handed in at intake (the receipt, Form 01, lists only those), the
 * applicant's supplement (hồ sơ bổ sung), or the result document (kết quả giải quyết).
 */
const DOSSIER_FILE_PURPOSES = ['intake', 'supplement', 'result'] as const;

/**
 * Metadata of a dossier component's file; the bytes live in object storage under `storageKey`.
 * `componentCode` is the procedure's component code at intake, the form field for later files.
 */
export const dossierFiles = pgTable(
  'dossier_files',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    purpose: text({ enum: DOSSIER_FILE_PURPOSES }).notNull().default('intake'),
    componentCode: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().references(() => users.id),
    /** Taken from the citizen's data store: the code of the dossier it was first handed in with. */
    reusedFrom: text(),
    uploadedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'dossier_files_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    check('dossier_files_purpose_check', sql`${t.purpose} in ('intake', 'supplement', 'result')`),
    // Attaching after intake is idempotent by content: a retried result or supplement upload finds
    // its row here instead of adding a second one. Intake is left out on purpose: its retries are
    // caught by the Idempotency-Key, and one submission may carry the same scan twice.
    uniqueIndex('dossier_files_content_key')
      .on(t.tenantId, t.dossierId, t.purpose, t.componentCode, t.sha256)
      .where(sql`${t.purpose} <> 'intake'`),
  ],
);
