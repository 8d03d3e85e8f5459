import { schema, type TenantDb } from '@gov/db';
import { and, desc, eq } from 'drizzle-orm';

const { dossiers } = schema;

/** Rows on one inbox page. */
export const PAGE_SIZE = 20;

export interface InboxArgs {
  tenantId: string;
  unitId: string;
  status: number;
}

/**
 * Anything that can start a drizzle select: the tenant transaction's `tx`, or a plain pool
 * (the baseline). `select` does not depend on the relational schema, so both fit.
 */
export type Reader = Pick<TenantDb, 'select'>;

/**
 * An officer's inbox page (hộp việc): one unit, one national status, newest first, with the
 * due date — served by `dossiers_inbox_idx (tenant_id, current_unit_id, national_status,
 * received_at desc)`. The tenant predicate is explicit even though RLS adds the same one, so
 * the baseline without RLS runs the identical statement and the index is used on its leading
 * column either way.
 *
 * Plain `desc()` (NULLS FIRST), matching the index since migration 0016: the officer inbox in
 * the app writes the same ORDER BY and walks the index instead of sorting the unit's list.
 *
 * `.prepare(name)` makes drizzle ask postgres.js for a named server-side prepared statement;
 * without it drizzle sends unnamed statements that PostgreSQL parses and plans on every call.
 */
export function inboxPage(db: Reader, args: InboxArgs) {
  return db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      applicantName: dossiers.applicantName,
      nationalStatus: dossiers.nationalStatus,
      localStatus: dossiers.localStatus,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
    })
    .from(dossiers)
    .where(and(eq(dossiers.tenantId, args.tenantId), eq(dossiers.currentUnitId, args.unitId), eq(dossiers.nationalStatus, args.status)))
    .orderBy(desc(dossiers.receivedAt))
    .limit(PAGE_SIZE)
    .prepare('inbox_page')
    .execute();
}
