import { bigint, foreignKey, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossiers } from './dossiers.js';

export const feeKind = pgEnum('fee_kind', ['fee', 'charge']);
export const paymentStatus = pgEnum('payment_status', ['requested', 'paid', 'failed', 'refunded']);
export const paymentMethod = pgEnum('payment_method', ['online', 'counter', 'bank_transfer']);

/** Fees (phí) and charges (lệ phí) due on a dossier, in whole đồng. */
export const dossierFees = pgTable(
  'dossier_fees',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    kind: feeKind().notNull(),
    description: text().notNull(),
    amountVnd: bigint({ mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'dossier_fees_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
  ],
);

/** A payment against a dossier's financial obligation (national status 6), into the province's account. */
export const payments = pgTable(
  'payments',
  {
    ...tenantColumns(),
    dossierId: uuid().notNull(),
    amountVnd: bigint({ mode: 'number' }).notNull(),
    method: paymentMethod().notNull(),
    status: paymentStatus().notNull().default('requested'),
    providerRef: text(),
    requestedAt: createdAt(),
    paidAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'payments_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
  ],
);
