import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns } from './columns.js';
import { orgUnits } from './org-units.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

export const AGREEMENT_STATUSES = ['proposed', 'accepted', 'refused', 'withdrawn'] as const;
export const AGREEMENT_PARTIES = ['source', 'target'] as const;

/**
 * Quy chế phối hợp: an agreement under which one province hands dossiers of one procedure over
 * to another (docs/domain/lien-thong.md). Each party keeps its own copy, with the same id, under
 * the ordinary tenant policy, so a province sees only the agreements it is party to; both copies
 * change together in one transaction (0062 in migrations/ explains the choice).
 */
export const handOverAgreements = pgTable(
  'hand_over_agreements',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull(),
    party: text({ enum: AGREEMENT_PARTIES }).notNull(),
    sourceTenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    targetTenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    procedureCode: text().notNull(),
    sourceUnitIds: uuid().array().notNull(),
    targetUnitIds: uuid().array().notNull(),
    /** Working hours the receiving province's steps may take in all. */
    allottedWorkingHours: integer().notNull(),
    note: text(),
    status: text({ enum: AGREEMENT_STATUSES }).notNull(),
    decisionReason: text(),
    proposedBy: uuid()
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    withdrawnBy: uuid().references(() => users.id),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('hand_over_agreements_party_check', sql`${t.party} in ('source', 'target')`),
    check('hand_over_agreements_status_check', sql`${t.status} in ('proposed', 'accepted', 'refused', 'withdrawn')`),
    check('hand_over_agreements_hours_check', sql`${t.allottedWorkingHours} > 0`),
    index('hand_over_agreements_lookup_idx').on(t.tenantId, t.procedureCode, t.status),
  ],
);

/** Each dossier handed over under an agreement, recorded in both parties' tenants. */
export const handOverAgreementUses = pgTable(
  'hand_over_agreement_uses',
  {
    ...tenantColumns(),
    agreementId: uuid().notNull(),
    handOverWorkflowId: text().notNull(),
    dossierId: uuid().notNull(),
    dossierCode: text().notNull(),
    handedOverAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('hand_over_agreement_uses_workflow_key').on(t.tenantId, t.handOverWorkflowId),
    foreignKey({
      name: 'hand_over_agreement_uses_agreement_fk',
      columns: [t.tenantId, t.agreementId],
      foreignColumns: [handOverAgreements.tenantId, handOverAgreements.id],
    }),
    index('hand_over_agreement_uses_agreement_idx').on(t.tenantId, t.agreementId),
  ],
);

/**
 * Jurisdiction-free intake (docs/domain/jurisdiction-free-intake.md): the applicant's commune or
 * ward → the competent unit; no commune is the default, no procedure means every
 * jurisdiction-free procedure of the province.
 */
export const intakeRoutingRules = pgTable(
  'intake_routing_rules',
  {
    ...tenantColumns(),
    procedureCode: text(),
    communeCode: text(),
    competentUnitId: uuid().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'intake_routing_rules_unit_fk', columns: [t.tenantId, t.competentUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
  ],
);
