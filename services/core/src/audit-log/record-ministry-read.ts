import { schema, withTenant } from '@gov/db';
import type { ServiceContext } from '../context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MinistryRead {
  /** The province read; null for a report over every province. */
  tenantId: string | null;
  /** What was read: the method and route pattern, e.g. `GET /api/reports/provinces/:tenantId/units`. */
  resource: string;
  /** The request's path parameters; only id-shaped ones other than the province are kept. */
  params: Record<string, string>;
}

/**
 * Records that ministry staff read a province's data: one row per request, whatever the number of
 * rows read, so the province can see who at the ministry looked (Bộ đã xem dữ liệu của tỉnh).
 * Anyone else's reads are not recorded here. Values that are not ids are dropped, so no code or
 * citizen ID number reaches the record. Throws if the row cannot be written: the caller then
 * refuses the read rather than serve it unrecorded.
 */
export async function recordMinistryRead({ ctx, input }: { ctx: ServiceContext; input: MinistryRead }): Promise<void> {
  if (ctx.actor?.kind !== 'ministry') return;
  const ids = Object.entries(input.params).filter(([name, value]) => name !== 'tenantId' && UUID.test(value));
  const row = {
    tenantId: input.tenantId,
    actorUserId: ctx.actor.userId,
    resource: input.resource,
    resourceIds: ids.length > 0 ? Object.fromEntries(ids) : null,
    requestId: ctx.requestId,
  };
  // The insert policy takes the province from the transaction; a national row is written with none.
  if (input.tenantId === null) await ctx.db.insert(schema.ministryReads).values(row);
  else await withTenant(ctx.sql, input.tenantId, (tx) => tx.insert(schema.ministryReads).values(row));
}
