import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, searchColumn } from './columns.js';
import { users } from './users.js';

export const procedureLevel = pgEnum('procedure_level', ['ministry', 'province', 'commune']);
export const onlineServiceLevel = pgEnum('online_service_level', ['full', 'partial', 'none']);

/**
 * The national procedure catalog (global, ministry-managed), docs/domain/procedures-and-processes.md. A change creates a
 * new version row; dossiers reference the version they were filed under, so in-flight dossiers
 * keep theirs. Structured parts (components per case, times per channel, fees) are JSON
 * validated by the catalog service.
 */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** National code, e.g. `1.000948`. */
    code: text().notNull(),
    version: integer().notNull(),
    name: text().notNull(),
    nameSearch: searchColumn('name'),
    sector: text().notNull(),
    level: procedureLevel().notNull(),
    // The catalog's channels (Channel in @gov/domain), checked on import.
    channels: text().array().$type<('online' | 'in_person' | 'postal')[]>().notNull(),
    cases: jsonb()
      .notNull()
      .default(sql`'[]'::jsonb`),
    processingTime: jsonb().notNull(),
    applicants: text(),
    handlingAgency: text(),
    result: text(),
    fees: jsonb()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Forms (mẫu đơn, tờ khai): `{ code, name, templateFile }[]`. */
    forms: jsonb()
      .notNull()
      .default(sql`'[]'::jsonb`),
    conditions: text(),
    legalBasis: text(),
    onlineServiceLevel: onlineServiceLevel().notNull(),
    interAgency: boolean().notNull().default(false),
    jurisdictionFree: boolean().notNull().default(false),
    resultDigitallySigned: boolean().notNull().default(false),
    feePaidOnline: boolean().notNull().default(false),
    /** Retention of its dossiers in years (5, 10, 20, 70); null: permanent, never deleted. */
    retentionYears: smallint(),
    /** Who published this version (a ministry admin); null for the seed catalog. */
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('procedures_code_version_key').on(t.code, t.version),
    index('procedures_name_search_idx').on(sql`${t.nameSearch} collate "C"`),
    check('procedures_retention_years_check', sql`${t.retentionYears} in (5, 10, 20, 70)`),
  ],
);
