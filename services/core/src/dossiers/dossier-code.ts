import { schema, type TenantDb } from '@gov/db';
import { vietnamDate } from '@gov/calendar';
import { sql } from 'drizzle-orm';

/** The receipt day in Vietnam time (UTC+7, no daylight saving), as `YYYY-MM-DD`. */
export function vietnamDay(at: Date): string {
  return vietnamDate(at);
}

/**
 * Next dossier code `<receiving unit code>-<YYMMDD>-<NNNN>` (Circular 01/2018/TT-VPCP Art. 19).
 * The upsert takes the (tenant, unit, day) counter row's lock until the intake transaction
 * ends, so concurrent intakes at one unit queue here, and a transaction that rolls back takes
 * its number back with it: the daily sequence is unique and has no gaps.
 */
export async function nextDossierCode(tx: TenantDb, args: { tenantId: string; unitId: string; unitCode: string; at: Date }): Promise<string> {
  const day = vietnamDay(args.at);
  const c = schema.dossierCodeCounters;
  const [row] = await tx
    .insert(c)
    .values({ tenantId: args.tenantId, unitId: args.unitId, day, lastNumber: 1 })
    .onConflictDoUpdate({ target: [c.tenantId, c.unitId, c.day], set: { lastNumber: sql`${c.lastNumber} + 1` } })
    .returning({ lastNumber: c.lastNumber });
  const yymmdd = day.slice(2).replaceAll('-', '');
  return `${args.unitCode}-${yymmdd}-${String(row!.lastNumber).padStart(4, '0')}`;
}
