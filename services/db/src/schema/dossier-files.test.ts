import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { databaseBefore, type DatabaseBefore } from '../testing/database-before.js';

// 0021 against rows written the old way: a throwaway database is migrated up to 0020, given
// legacy rows (`result:<field>` in the component code), then migrated to the end.
const PURPOSE_MIGRATION = '0021_add-dossier-file-purpose';
let db: DatabaseBefore;
let admin: postgres.Sql;

beforeAll(async () => {
  db = await databaseBefore(PURPOSE_MIGRATION, { databaseUrl: inject('databaseUrl'), adminDatabaseUrl: inject('adminDatabaseUrl') });
  admin = db.admin;
});
afterAll(() => db?.drop());

/** One dossier with files as code before 0021 stored them; returns the ids in insertion order. */
async function legacyDossier(files: { code: string; sha256: string }[]): Promise<{ tenantId: string; ids: string[] }> {
  const [tenantId, unitId, dossierId] = [randomUUID(), randomUUID(), randomUUID()];
  await admin`insert into tenants (id, code, name, full_name, kind) values (${tenantId}, ${`T${tenantId.slice(0, 8)}`}, 'Tỉnh cũ', 'Tỉnh cũ', 'province')`;
  await admin`insert into org_units (tenant_id, id, path, code, name, kind) values (${tenantId}, ${unitId}, ${[unitId]}, 'U1', 'Bộ phận một cửa', 'commune_one_stop')`;
  const [procedure] = await admin<{ id: string }[]>`
    insert into procedures (code, version, name, sector, level, channels, processing_time, online_service_level)
    values (${`9.${tenantId.slice(0, 6)}`}, 1, 'Thủ tục', 'Giáo dục', 'commune', ${['online']}, '{}', 'full') returning id`;
  await admin`
    insert into dossiers (tenant_id, id, code, procedure_id, channel, receiving_unit_id, current_unit_id, applicant_name, national_status, local_status, received_at)
    values (${tenantId}, ${dossierId}, 'U1-260101-0001', ${procedure!.id}, 'online', ${unitId}, ${unitId}, 'Nguyễn Văn A', 4, 'processing', now())`;
  const ids: string[] = [];
  for (const [i, file] of files.entries()) {
    const [row] = await admin<{ id: string }[]>`
      insert into dossier_files (tenant_id, dossier_id, component_code, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at)
      values (${tenantId}, ${dossierId}, ${file.code}, 'f.pdf', 'application/pdf', 10, ${file.sha256}, ${`${tenantId}/${file.sha256}`}, now() + ${`${i} seconds`}::interval)
      returning id`;
    ids.push(row!.id);
  }
  return { tenantId, ids };
}

describe('migration 0021 (dossier file purpose)', () => {
  it('turns `<purpose>:<field>` into purpose and field, keeps one of each double attachment, and keeps RLS forced', async () => {
    const { tenantId, ids } = await legacyDossier([
      { code: 'don', sha256: 'a' },
      { code: 'don', sha256: 'a' }, // the same scan twice at intake is still two intake files
      { code: 'result:ket-qua', sha256: 'b' },
      { code: 'result:ket-qua', sha256: 'b' }, // a result re-sent after a refused return
      { code: 'result:ket-qua', sha256: 'c' },
      { code: 'supplement:bo-sung', sha256: 'd' },
    ]);
    await db.migrateRest();

    const rows = await admin<{ id: string; purpose: string; code: string }[]>`
      select id, purpose, component_code as code from dossier_files where tenant_id = ${tenantId} order by uploaded_at`;
    expect(rows).toEqual([
      { id: ids[0], purpose: 'intake', code: 'don' },
      { id: ids[1], purpose: 'intake', code: 'don' },
      { id: ids[2], purpose: 'result', code: 'ket-qua' },
      { id: ids[4], purpose: 'result', code: 'ket-qua' },
      { id: ids[5], purpose: 'supplement', code: 'bo-sung' },
    ]);
    const [table] = await admin<{ forced: boolean }[]>`select relforcerowsecurity as forced from pg_class where oid = 'dossier_files'::regclass`;
    expect(table).toEqual({ forced: true });
  });

  it('keys attachments by tenant first, and accepts only the three purposes', async () => {
    const [index] = await admin<{ columns: string[]; unique: boolean; predicate: string }[]>`
      select array(select a.attname::text from unnest(i.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum order by k.n) as columns,
        i.indisunique as unique, pg_get_expr(i.indpred, i.indrelid) as predicate
      from pg_index i where i.indexrelid = 'dossier_files_content_key'::regclass`;
    expect(index).toEqual({
      columns: ['tenant_id', 'dossier_id', 'purpose', 'component_code', 'sha256'],
      unique: true,
      predicate: "(purpose <> 'intake'::text)",
    });
    const { tenantId } = await legacyDossier([]);
    const [dossier] = await admin<{ id: string }[]>`select id from dossiers where tenant_id = ${tenantId}`;
    const insert = admin`insert into dossier_files (tenant_id, dossier_id, purpose, component_code, file_name, content_type, size_bytes, sha256, storage_key)
      values (${tenantId}, ${dossier!.id}, 'other', 'x', 'f.pdf', 'application/pdf', 10, 'e', 'k')`;
    await expect(insert).rejects.toMatchObject({ constraint_name: 'dossier_files_purpose_check' });
  });
});
