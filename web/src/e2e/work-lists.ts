import { randomUUID } from 'node:crypto';
import postgres from 'postgres';

/**
 * An open dossier long past its date, held by the province's root unit, that nobody has acted on:
 * on the overdue and the stuck list. Written as the superuser, as the workflow's projection
 * would leave it, because a real one would take the officer journey's whole intake to reach.
 */
export async function seedOverdueDossier(adminDatabaseUrl: string, args: { tenantId: string; procedureCode: string }) {
  const sql = postgres(adminDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [root] = await sql<{ id: string }[]>`select id from org_units where tenant_id = ${args.tenantId} and parent_id is null`;
    const [procedure] = await sql<{ id: string }[]>`select id from procedures where code = ${args.procedureCode} order by version desc limit 1`;
    const id = randomUUID();
    const code = `GS-${id.slice(0, 6).toUpperCase()}`;
    await sql`
      insert into dossiers (tenant_id, id, code, procedure_id, channel, receiving_unit_id, current_unit_id, applicant_name,
        national_status, local_status, received_at, due_at)
      values (${args.tenantId}, ${id}, ${code}, ${procedure!.id}, 'in_person', ${root!.id}, ${root!.id}, 'Nguyễn Văn Đôn Đốc',
        4, 'processing', '2026-03-02T09:00:00+07:00', '2026-03-09T17:00:00+07:00')`;
    return { id, code };
  } finally {
    await sql.end({ timeout: 1 });
  }
}
