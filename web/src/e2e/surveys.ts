import { randomUUID } from 'node:crypto';
import postgres from 'postgres';

/**
 * A returned dossier of the province's root unit and its applicant's survey answer, written as the
 * superuser, because a real one would take the whole officer journey to reach status 10.
 */
export async function seedSurveyAnswer(adminDatabaseUrl: string, args: { tenantId: string; procedureCode: string; comment: string }) {
  const sql = postgres(adminDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [root] = await sql<{ id: string }[]>`select id from org_units where tenant_id = ${args.tenantId} and parent_id is null`;
    const [procedure] = await sql<{ id: string }[]>`select id from procedures where code = ${args.procedureCode} order by version desc limit 1`;
    const id = randomUUID();
    await sql`
      insert into dossiers (tenant_id, id, code, procedure_id, channel, receiving_unit_id, current_unit_id, applicant_name,
        national_status, local_status, received_at, finished_at, returned_at, closed_at)
      values (${args.tenantId}, ${id}, ${`KS-${id.slice(0, 6).toUpperCase()}`}, ${procedure!.id}, 'online', ${root!.id}, ${root!.id},
        'Trần Thị Hài Lòng', 10, 'returned', '2026-03-02T09:00:00+07:00', now(), now(), now())`;
    await sql`
      insert into satisfaction_surveys (tenant_id, dossier_id, unit_id, procedure_code, attitude, timeliness, clarity, overall, comment)
      values (${args.tenantId}, ${id}, ${root!.id}, ${args.procedureCode}, 5, 3, 4, 4, ${args.comment})`;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
