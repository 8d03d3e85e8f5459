import type { DefaultProcessStep } from '@gov/domain';
import { integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { users } from './users.js';

/**
 * Ministry default processes (quy trình điện tử mẫu): global, no tenant. Each publication is a
 * new immutable version per procedure code and case; provinces copy one into their own
 * `process_definitions` and adjust it, so a later ministry version never changes a province's
 * process. Steps name unit kinds, not units (`DefaultProcessStep` in @gov/domain).
 */
export const defaultProcesses = pgTable(
  'default_processes',
  {
    id: uuid().primaryKey().defaultRandom(),
    procedureCode: text().notNull(),
    caseCode: text().notNull().default('default'),
    version: integer().notNull(),
    // Validated against DefaultProcessStep before every write, so typed as such.
    steps: jsonb().$type<DefaultProcessStep[]>().notNull(),
    publishedBy: uuid().references(() => users.id),
    publishedAt: createdAt(),
  },
  (t) => [unique('default_processes_version_key').on(t.procedureCode, t.caseCode, t.version)],
);
