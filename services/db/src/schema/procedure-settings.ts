import { bigint, boolean, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { revision } from './revision.js';
import { createdAt, tenantColumns } from './columns.js';

/**
 * A province's activation of a national procedure (by code: it follows the catalog's versions),
 * with the units that receive and handle it, local fees and the beneficiary account.
 */
export const procedureSettings = pgTable(
  'procedure_settings',
  {
    ...tenantColumns(),
    procedureCode: text().notNull(),
    receivingUnitIds: uuid().array().notNull(),
    handlingUnitIds: uuid().array().notNull(),
    localFeeVnd: bigint({ mode: 'number' }),
    beneficiaryAccount: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    revision: revision(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('procedure_settings_tenant_code_key').on(t.tenantId, t.procedureCode)],
);
