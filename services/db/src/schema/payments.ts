import { sql } from 'drizzle-orm';
import { bigint, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { dossierEvents } from './dossier-events.js';
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

/**
 * A payment against a dossier's financial obligation (national status 6), into the province's
 * account. Online, one row is one attempt through the payment platform: `orderRef` is what the
 * gateway's notification names, `gatewayTxnNo` its own transaction number; the receipt columns
 * are filled once the e-invoice provider issued the electronic receipt (biên lai điện tử).
 */
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
    /** The `fee_requested` event this pays. */
    feeEventId: uuid(),
    orderRef: text(),
    gatewayTxnNo: text(),
    bankCode: text(),
    receiptNo: text(),
    receiptLookupCode: text(),
    receiptUrl: text(),
    receiptIssuedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'payments_dossier_fk', columns: [t.tenantId, t.dossierId], foreignColumns: [dossiers.tenantId, dossiers.id] }),
    foreignKey({ name: 'payments_fee_event_fk', columns: [t.tenantId, t.feeEventId], foreignColumns: [dossierEvents.tenantId, dossierEvents.id] }),
    unique('payments_order_ref_key').on(t.tenantId, t.orderRef),
    uniqueIndex('payments_one_paid_per_fee')
      .on(t.tenantId, t.feeEventId)
      .where(sql`${t.status} = 'paid'`),
    index('payments_paid_at_idx').on(t.tenantId, t.paidAt),
  ],
);
