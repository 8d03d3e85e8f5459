import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const DATA_DIR = fileURLToPath(new URL('../../data/admin-units/', import.meta.url));

export interface SeedCounts {
  provinces: number;
  adminUnits: number;
}

const COLUMNS = ['code', 'name', 'full_name', 'kind', 'province_code'] as const;
type Column = (typeof COLUMNS)[number];

/** The files are plain comma-separated with a header and no quoted fields. */
function readCsv(name: string): Record<Column, string>[] {
  const [header, ...lines] = readFileSync(`${DATA_DIR}${name}`, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const row = Object.fromEntries(COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
    columns.forEach((column, i) => {
      if ((COLUMNS as readonly string[]).includes(column)) row[column as Column] = cells[i] ?? '';
    });
    return row;
  });
}

/**
 * Upserts the 34 provinces and 3,320 commune-level units (idempotent: a second run changes
 * nothing). Runs as the owner: reference data is not writable by the app role.
 */
export async function seedAdminUnits(ownerUrl: string): Promise<SeedCounts> {
  const provinces = readCsv('provinces.csv');
  const communes = readCsv('communes.csv');
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`
        insert into tenants (code, name, full_name, kind)
        select * from unnest(
          ${provinces.map((p) => p.code)}::text[], ${provinces.map((p) => p.name)}::text[],
          ${provinces.map((p) => p.full_name)}::text[], ${provinces.map((p) => p.kind)}::tenant_kind[])
        on conflict (code) do update
          set name = excluded.name, full_name = excluded.full_name, kind = excluded.kind
          where (tenants.name, tenants.full_name, tenants.kind)
            is distinct from (excluded.name, excluded.full_name, excluded.kind)`;
      await tx`
        insert into admin_units (tenant_id, name, full_name, kind)
        select t.id, u.name, u.full_name, u.kind
        from unnest(
          ${communes.map((c) => c.province_code)}::text[], ${communes.map((c) => c.name)}::text[],
          ${communes.map((c) => c.full_name)}::text[],
          ${communes.map((c) => c.kind)}::admin_unit_kind[]) as u(province_code, name, full_name, kind)
        join tenants t on t.code = u.province_code
        on conflict (tenant_id, full_name) do update
          set name = excluded.name, kind = excluded.kind
          where (admin_units.name, admin_units.kind) is distinct from (excluded.name, excluded.kind)`;
    });
    const [counts] = await sql<{ provinces: number; adminUnits: number }[]>`
      select (select count(*) from tenants)::int as provinces,
             (select count(*) from admin_units)::int as "adminUnits"`;
    return counts ?? { provinces: 0, adminUnits: 0 };
  } finally {
    await sql.end({ timeout: 1 });
  }
}
