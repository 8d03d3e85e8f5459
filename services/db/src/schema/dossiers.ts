import { sql } from 'drizzle-orm';
import type { FormValue } from '@gov/domain';
import { check, foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, searchColumn, tenantColumns } from './columns.js';
import { orgUnits } from './org-units.js';
import { procedures } from './procedures.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

/** Intake channels (Decree 61/2018 as amended): online, at the counter, by post, via a proxy. */
export const dossierChannel = pgEnum('dossier_channel', ['online', 'in_person', 'postal', 'proxy']);

/**
 * A dossier (hồ sơ). `nationalStatus` is the 1–10 code synced to the national portal
 * (docs/domain/statuses.md); `localStatus` the finer sub-state. The code is
 * `<receiving unit code>-<YYMMDD>-<NNNN>` (Circular 01/2018 Art. 19), unique per tenant.
 * No citizen ID number is stored in clear here: only its last four digits for public lookup.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    ...tenantColumns(),
    code: text().notNull(),
    procedureId: uuid()
      .notNull()
      .references(() => procedures.id),
    processDefinitionId: uuid(),
    channel: dossierChannel().notNull(),
    receivingUnitId: uuid().notNull(),
    currentUnitId: uuid().notNull(),
    applicantUserId: uuid().references(() => users.id),
    applicantName: text().notNull(),
    applicantNameSearch: searchColumn('applicant_name'),
    applicantIdSuffix: text(),
    applicantPhone: text(),
    applicantEmail: text(),
    nationalStatus: smallint().notNull(),
    localStatus: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }),
    /** Processing finished with a result (status 9, then 10). */
    finishedAt: timestamp({ withTimezone: true }),
    /**
     * When the dossier stopped being open, with a result or without: `finishedAt` when there is a
     * result, else when it was refused at intake (3), withdrawn (7) or stopped (8). Null while
     * open. Written by the dossier workflow's projection; the periodic reports read it.
     */
    closedAt: timestamp({ withTimezone: true }),
    returnedAt: timestamp({ withTimezone: true }),
    overdueAt: timestamp({ withTimezone: true }),
    workflowId: text(),
    /**
     * The hand-over (liên thông) child workflow that owns the step actions now, or null. Written by
     * the dossier's own workflow so the action route finds the workflow to update without a Query.
     */
    handOverWorkflowId: text(),
    /**
     * On a province's row of a dossier handed over from another province (liên thông), the
     * province it came from; null on the row of the province that received it from the applicant,
     * which alone counts it in the national report (docs/domain/report-rules.md).
     */
    handedOverFrom: uuid().references(() => tenants.id),
    /**
     * What the applicant filled in on the procedure's form, by declared field key (validated at
     * intake against the catalog); a process may branch on it (docs/domain/procedures-and-processes.md#branches).
     */
    formData: jsonb().$type<Record<string, FormValue>>().notNull().default({}),
    /**
     * Jurisdiction-free intake (docs/domain/jurisdiction-free-intake.md): the competent unit the
     * province's routing rules chose; `receivingUnitId` stays the unit that received the dossier.
     */
    routedToUnitId: uuid(),
    /** When the archive run moved its files to archive storage (docs/domain/archive-and-retention.md). */
    archivedAt: timestamp({ withTimezone: true }),
    /** When the deletion run deleted it after its retention: the row stays, stripped, for the reports. */
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('dossiers_tenant_code_key').on(t.tenantId, t.code),
    foreignKey({ name: 'dossiers_receiving_unit_fk', columns: [t.tenantId, t.receivingUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ name: 'dossiers_routed_to_unit_fk', columns: [t.tenantId, t.routedToUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ name: 'dossiers_current_unit_fk', columns: [t.tenantId, t.currentUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    check('dossiers_national_status_check', sql`${t.nationalStatus} between 1 and 10`),
    check(
      'dossiers_archive_order_check',
      sql`(${t.archivedAt} is null or ${t.closedAt} is not null) and (${t.deletedAt} is null or ${t.archivedAt} is not null)`,
    ),
    // The officer inbox: one unit, one status, newest first.
    // DESC NULLS FIRST is what a plain `order by received_at desc` asks for: with NULLS LAST the
    // planner cannot walk the index and sorts the unit's whole list (17.6 ms vs 0.07 ms measured).
    index('dossiers_inbox_idx').on(t.tenantId, t.currentUnitId, t.nationalStatus, t.receivedAt.desc().nullsFirst()),
    index('dossiers_applicant_search_idx').on(t.tenantId, sql`${t.applicantNameSearch} collate "C"`),
    // A citizen's own dossiers in a province, newest first (the portal's "my dossiers").
    index('dossiers_applicant_user_idx').on(t.tenantId, t.applicantUserId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Ministry reports: a province's dossiers received in a period.
    index('dossiers_received_idx').on(t.tenantId, t.receivedAt),
    // A period's report reads a province's dossiers that had not closed before its start: closed
    // since, or still open (null, in the same index). A partial index of open dossiers was never
    // chosen over this one, so there is none.
    // It includes the columns the report reads of them (migration 0060), so it reads the index alone.
    index('dossiers_closed_idx').on(t.tenantId, t.closedAt),
    // The monitoring lists walk a province's units and take each one's open dossiers (migration 0060).
    index('dossiers_open_unit_idx')
      .on(t.tenantId, t.currentUnitId)
      .where(sql`${t.closedAt} is null`),
    // The deletion run walks a province's archived dossiers by closing time (migration 0069).
    index('dossiers_archived_idx')
      .on(t.tenantId, t.closedAt)
      .where(sql`${t.archivedAt} is not null and ${t.deletedAt} is null`),
  ],
);
