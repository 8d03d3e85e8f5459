import type { ProcessStep } from '@gov/domain';
import { revision } from './revision.js';
import { integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { users } from './users.js';

export const processStatus = pgEnum('process_status', ['draft', 'published', 'retired']);

/**
 * An electronic process (quy trình điện tử) for one procedure and case in one province. Steps are
 * an ordered JSON list validated by the designer service. Published versions are
 * immutable: a dossier's workflow runs the snapshot it started with.
 */
export const processDefinitions = pgTable(
  'process_definitions',
  {
    ...tenantColumns(),
    procedureCode: text().notNull(),
    caseCode: text().notNull().default('default'),
    version: integer().notNull(),
    status: processStatus().notNull().default('draft'),
    // Validated against ProcessStep before every write (the designer's rules), so typed as such.
    steps: jsonb().$type<ProcessStep[]>().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    revision: revision(),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('process_definitions_version_key').on(t.tenantId, t.procedureCode, t.caseCode, t.version)],
);
