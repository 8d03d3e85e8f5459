import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';
import { revision } from './revision.js';
import { users } from './users.js';

/** The guided form's fields as a draft keeps them: all optional, a draft may be half filled. */
export interface DraftForm {
  caseCode?: string;
  receivingUnitId?: string;
  applicant?: { fullName?: string; citizenId?: string; phone?: string; email?: string };
  note?: string;
  /** The procedure's declared form fields filled in so far, by key. */
  formData?: Record<string, string | number | boolean>;
}

/**
 * Bản nháp: a citizen's online submission saved before it is filed (docs/domain/dossier-drafts.md).
 * `tenantId` is the province it will be filed in; `documents` maps a component code to ids of the
 * citizen's stored documents (citizen_documents). Forced RLS, read and changed only with the
 * owner's `app.user_id` (restrictive policies, 0058 in migrations/); `revision` is the ETag.
 */
export const dossierDrafts = pgTable(
  'dossier_drafts',
  {
    ...tenantColumns(),
    ownerUserId: uuid()
      .notNull()
      .references(() => users.id),
    procedureCode: text().notNull(),
    procedureName: text().notNull(),
    form: jsonb().$type<DraftForm>().notNull().default({}),
    documents: jsonb().$type<Record<string, string[]>>().notNull().default({}),
    revision: revision(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedDossierId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'dossier_drafts_dossier_fk', columns: [t.tenantId, t.submittedDossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    index('dossier_drafts_owner_idx')
      .on(t.ownerUserId, t.updatedAt.desc())
      .where(sql`${t.submittedAt} is null`),
  ],
);
