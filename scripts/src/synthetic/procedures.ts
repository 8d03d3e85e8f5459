import type { Sql } from '@gov/db';
import { PROCEDURES, procedureRow, type ProcedureSpec } from './catalog.js';

export interface Procedure extends ProcedureSpec {
  id: string;
}

/**
 * Inserts the synthetic catalog's procedures (version 1) when missing and returns them with
 * their ids. A procedure that already exists is left as it is: the catalog is global and the
 * ministry may have edited it.
 */
export async function ensureProcedures(sql: Sql): Promise<Procedure[]> {
  // JSON goes in as text: createDb's drizzle instance replaces postgres.js's JSON serializer.
  for (const spec of PROCEDURES) {
    const row = procedureRow(spec);
    await sql`
      insert into procedures (code, version, name, sector, level, channels, processing_time, handling_agency, online_service_level)
      values (${row.code}, ${row.version}, ${row.name}, ${row.sector}, ${row.level}, ${row.channels},
              ${JSON.stringify(row.processingTime)}::jsonb, ${row.handlingAgency}, ${row.onlineServiceLevel})
      on conflict (code, version) do nothing`;
  }
  const rows = await sql<{ id: string; code: string }[]>`
    select id, code from procedures where version = 1 and code = any(${PROCEDURES.map((p) => p.code)})`;
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  return PROCEDURES.map((spec) => {
    const id = ids.get(spec.code);
    if (!id) throw new Error(`procedure ${spec.code} is missing after insert`);
    return { ...spec, id };
  });
}
