import type { Sql } from '@gov/db';
import { Random, Weighted } from '../synthetic/random.js';
import type { InboxArgs } from './inbox-query.js';

/**
 * How often officers open each status list *(an assumption, not measured traffic)*: mostly the
 * working lists (new, received, processing), less the ones waiting on the citizen or the
 * result, rarely history. Busier units have more officers, so a unit's share of requests
 * follows its dossier count.
 */
const STATUS_TRAFFIC: Readonly<Record<number, number>> = { 1: 3, 2: 3, 4: 4, 5: 1.5, 6: 0.5, 9: 1.5, 10: 0.5, 3: 0.2, 7: 0.2, 8: 0.2 };

/**
 * A fixed sequence of inbox requests, drawn once from the (tenant, unit, status) lists that
 * hold dossiers, so both variants replay exactly the same requests in the same order.
 */
export async function inboxRequests(sql: Sql, args: { count: number; seed: number }): Promise<InboxArgs[]> {
  const lists = await sql<{ tenantId: string; unitId: string; status: number; unitTotal: number }[]>`
    select tenant_id as "tenantId", current_unit_id as "unitId", national_status as status,
           (sum(count(*)) over (partition by tenant_id, current_unit_id))::int as "unitTotal"
    from dossiers group by tenant_id, current_unit_id, national_status`;
  if (lists.length === 0) throw new Error('no dossiers to build inbox requests from');
  const weighted = new Weighted(lists.map((l) => [l, (STATUS_TRAFFIC[l.status] ?? 0) * l.unitTotal] as const));
  const random = new Random(args.seed, 0x1b0c);
  return Array.from({ length: args.count }, () => {
    const { tenantId, unitId, status } = weighted.draw(random);
    return { tenantId, unitId, status };
  });
}
