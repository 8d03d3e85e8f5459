import { schema, withTenant, type Sql } from '@gov/db';
import { and, count, eq, exists, isNull, sql } from 'drizzle-orm';
import type { NationalPortal } from './national-portal.js';

const LOOKUP_BATCH = 100;
const d = schema.dossiers;
const q = schema.portalSyncOutbox;

/** One dossier whose status the portal holds differs from ours (`portal` null: it holds none). */
export interface PortalDifference {
  dossierId: string;
  dossierCode: string;
  ours: number;
  portal: number | null;
  /** Records of this dossier not delivered yet; `dead` of them on the dead-letter list. */
  waiting: number;
  dead: number;
}

/**
 * The reconciliation report (docs/domain/national-portal-sync.md): for every dossier of the
 * province that was ever queued for the portal, our latest status against the one the portal's
 * lookup answers. A difference with records waiting is in flight; one without is a loss to act on.
 */
export async function reconcileNationalPortal(args: {
  sql: Sql;
  portal: NationalPortal;
  tenantId: string;
}): Promise<{ checked: number; differences: PortalDifference[] }> {
  const { rows, provinceCode } = await withTenant(args.sql, args.tenantId, async (tx) => {
    const [province] = await tx.select({ code: schema.tenants.code }).from(schema.tenants).where(eq(schema.tenants.id, args.tenantId));
    const of = and(eq(q.tenantId, d.tenantId), eq(q.dossierId, d.id));
    const waiting = tx
      .select({ dossierId: q.dossierId, waiting: count().as('waiting'), dead: sql<number>`count(${q.deadAt})::int`.as('dead') })
      .from(q)
      .where(and(eq(q.tenantId, args.tenantId), isNull(q.dispatchedAt)))
      .groupBy(q.dossierId)
      .as('w');
    const rows = await tx
      .select({
        dossierId: d.id,
        dossierCode: d.code,
        ours: d.nationalStatus,
        waiting: sql<number>`coalesce(${waiting.waiting}, 0)::int`,
        dead: sql<number>`coalesce(${waiting.dead}, 0)::int`,
      })
      .from(d)
      .leftJoin(waiting, eq(waiting.dossierId, d.id))
      .where(
        and(
          eq(d.tenantId, args.tenantId),
          exists(
            tx
              .select({ one: sql`1` })
              .from(q)
              .where(of),
          ),
        ),
      )
      .orderBy(d.code);
    return { rows, provinceCode: province!.code };
  });
  const differences: PortalDifference[] = [];
  for (let i = 0; i < rows.length; i += LOOKUP_BATCH) {
    const batch = rows.slice(i, i + LOOKUP_BATCH);
    const held = new Map(
      (
        await args.portal.lookup(
          provinceCode,
          batch.map((r) => r.dossierCode),
        )
      ).map((v) => [v.dossierCode, v.status as number]),
    );
    for (const row of batch) {
      const portal = held.get(row.dossierCode) ?? null;
      if (portal !== row.ours) differences.push({ ...row, portal });
    }
  }
  return { checked: rows.length, differences };
}
