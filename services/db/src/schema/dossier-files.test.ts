import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrls } from '@gov/runtime';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ensureRolesAndDatabase } from '../setup/ensure-roles.js';
import { MIGRATIONS_DIR, runMigrations } from '../setup/run-migrations.js';

// 0021 against rows written the old way: a throwaway database is migrated up to 0020, given
// legacy rows (`result:<field>` in the component code), then migrated to the end.
const PURPOSE_MIGRATION = '0021_add-dossier-file-purpose';
const name = `gov_files_${randomUUID().slice(0, 8)}`;
const app = new URL(inject('databaseUrl'));
app.pathname = `/${name}`;
const server = new URL(inject('adminDatabaseUrl'));
server.pathname = '/postgres';
const urls = { ...databaseUrls({ DATABASE_URL: app.toString() }), admin: server.toString() };
// A superuser in the new database: exempt from RLS, so it writes rows as old code left them.
const inside = new URL(urls.admin);
inside.pathname = `/${name}`;
let admin: postgres.Sql;
let oldMigrations: string;

/** The migrations folder as it stood before `tag`: the same files, the journal cut there. */
async function migrationsBefore(tag: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gov-migrations-'));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  const path = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(path, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  if (cut < 1) throw new Error(`${tag} is not in the journal`);
  await writeFile(path, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return dir;
}

beforeAll(async () => {
  await ensureRolesAndDatabase(urls.admin, name, () => {});
  oldMigrations = await migrationsBefore(PURPOSE_MIGRATION);
  const owner = postgres(urls.owner, { max: 1, onnotice: () => {} });
  await migrate(drizzle(owner), { migrationsFolder: oldMigrations }).finally(() => owner.end({ timeout: 1 }));
  admin = postgres(inside.toString(), { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await admin?.end({ timeout: 1 });
  if (oldMigrations) await rm(oldMigrations, { recursive: true, force: true });
  const sql = postgres(urls.admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists "${name}" with (force)`);
  await sql.end();
});

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
    await runMigrations(urls.owner);

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
    expect(index).toEqual({ columns: ['tenant_id', 'dossier_id', 'purpose', 'component_code', 'sha256'], unique: true, predicate: "(purpose <> 'intake'::text)" });
    const { tenantId } = await legacyDossier([]);
    const [dossier] = await admin<{ id: string }[]>`select id from dossiers where tenant_id = ${tenantId}`;
    const insert = admin`insert into dossier_files (tenant_id, dossier_id, purpose, component_code, file_name, content_type, size_bytes, sha256, storage_key)
      values (${tenantId}, ${dossier!.id}, 'other', 'x', 'f.pdf', 'application/pdf', 10, 'e', 'k')`;
    await expect(insert).rejects.toMatchObject({ constraint_name: 'dossier_files_purpose_check' });
  });
});
