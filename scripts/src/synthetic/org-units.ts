import { randomUUID } from 'node:crypto';
import type { Sql } from '@gov/db';
import { DEPARTMENTS, type DepartmentKey } from './catalog.js';

export interface Unit {
  id: string;
  code: string;
}

export interface CommuneUnit extends Unit {
  kind: 'commune' | 'ward' | 'special_zone';
}

/** One province's organisation as far as the generator needs it. */
export interface ProvinceUnits {
  tenantId: string;
  code: string;
  serviceCentre: Unit;
  departments: ReadonlyMap<DepartmentKey, Unit>;
  communes: readonly CommuneUnit[];
}

interface NewUnit {
  tenantId: string;
  id: string;
  /** Null for the root itself. */
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  adminUnitId: string | null;
}

/** "Thành phố Hà Nội" → "thành phố Hà Nội", as it reads inside a unit's name. */
const inName = (fullName: string) => fullName.charAt(0).toLocaleLowerCase('vi') + fullName.slice(1);

/**
 * Unit codes are `<province code>.<nnn>`: 000 the people's committee (the root), 001 the
 * provincial service centre, 010… the departments in DEPARTMENTS order, 101… one commune
 * one-stop unit per commune-level unit. They start every dossier code (Circular 01/2018 Art. 19).
 */
const unitCode = (province: string, n: number) => `${province}.${String(n).padStart(3, '0')}`;

/**
 * Creates each province's units when missing: idempotent (`on conflict do nothing` on the
 * per-tenant code; a commune that already has a one-stop unit keeps it, a new commune gets the
 * next free number). Returns what exists afterwards.
 */
export async function ensureOrgUnits(sql: Sql): Promise<ProvinceUnits[]> {
  const tenants = await sql<{ id: string; code: string; fullName: string }[]>`
    select id, code, full_name as "fullName" from tenants order by code`;
  const communes = await sql<{ id: string; tenantId: string; fullName: string }[]>`
    select id, tenant_id as "tenantId", full_name as "fullName" from admin_units order by tenant_id, full_name`;
  const existing = await sql<{ tenantId: string; code: string; adminUnitId: string | null; id: string }[]>`
    select tenant_id as "tenantId", code, admin_unit_id as "adminUnitId", id from org_units`;

  const roots: NewUnit[] = [];
  const children: NewUnit[] = [];
  for (const tenant of tenants) {
    const mine = existing.filter((u) => u.tenantId === tenant.id);
    const root = mine.find((u) => u.code === unitCode(tenant.code, 0));
    const rootId = root?.id ?? randomUUID();
    const add = (list: NewUnit[], n: number, name: string, kind: string, adminUnitId: string | null = null) =>
      list.push({
        tenantId: tenant.id,
        id: n === 0 ? rootId : randomUUID(),
        parentId: n === 0 ? null : rootId,
        code: unitCode(tenant.code, n),
        name,
        kind,
        adminUnitId,
      });
    const where = inName(tenant.fullName);
    if (!root) add(roots, 0, `Ủy ban nhân dân ${where}`, 'people_committee');
    add(children, 1, `Trung tâm Phục vụ hành chính công ${where}`, 'service_centre');
    DEPARTMENTS.forEach(([, name], i) => add(children, 10 + i, `${name} ${where}`, 'department'));

    const served = new Set(mine.map((u) => u.adminUnitId));
    let next = Math.max(100, ...mine.map((u) => Number(u.code.split('.')[1] ?? 0)).filter(Number.isFinite));
    for (const commune of communes) {
      if (commune.tenantId !== tenant.id || served.has(commune.id)) continue;
      next += 1;
      add(children, next, `Trung tâm Phục vụ hành chính công ${inName(commune.fullName)}`, 'commune_one_stop', commune.id);
    }
  }
  // Roots first: the children's parent foreign key needs them.
  await insertUnits(sql, roots);
  await insertUnits(sql, children);
  return readProvinceUnits(sql);
}

async function insertUnits(sql: Sql, units: readonly NewUnit[]): Promise<void> {
  if (units.length === 0) return;
  await sql`
    insert into org_units (tenant_id, id, parent_id, path, code, name, kind, admin_unit_id)
    select u.tenant_id, u.id, u.parent_id,
           case when u.parent_id is null then array[u.id] else array[u.parent_id, u.id] end,
           u.code, u.name, u.kind, u.admin_unit_id
    from unnest(${units.map((u) => u.tenantId)}::uuid[], ${units.map((u) => u.id)}::uuid[],
                ${units.map((u) => u.parentId)}::uuid[], ${units.map((u) => u.code)}::text[],
                ${units.map((u) => u.name)}::text[], ${units.map((u) => u.kind)}::org_unit_kind[],
                ${units.map((u) => u.adminUnitId)}::uuid[])
      as u(tenant_id, id, parent_id, code, name, kind, admin_unit_id)
    on conflict (tenant_id, code) do nothing`;
}

async function readProvinceUnits(sql: Sql): Promise<ProvinceUnits[]> {
  const rows = await sql<{ tenantId: string; province: string; id: string; code: string; kind: string; communeKind: CommuneUnit['kind'] | null }[]>`
    select o.tenant_id as "tenantId", t.code as province, o.id, o.code, o.kind, a.kind as "communeKind"
    from org_units o join tenants t on t.id = o.tenant_id left join admin_units a on a.id = o.admin_unit_id
    order by t.code, o.code`;
  const provinces = new Map<string, ProvinceUnits & { communes: CommuneUnit[]; departments: Map<DepartmentKey, Unit> }>();
  for (const row of rows) {
    let province = provinces.get(row.tenantId);
    if (!province) {
      province = { tenantId: row.tenantId, code: row.province, serviceCentre: { id: '', code: '' }, departments: new Map(), communes: [] };
      provinces.set(row.tenantId, province);
    }
    const unit = { id: row.id, code: row.code };
    const n = Number(row.code.slice(row.province.length + 1));
    if (n === 1) province.serviceCentre = unit;
    const department = DEPARTMENTS[n - 10];
    if (department && n >= 10) province.departments.set(department[0], unit);
    if (row.kind === 'commune_one_stop' && row.communeKind) province.communes.push({ ...unit, kind: row.communeKind });
  }
  return [...provinces.values()].filter((p) => p.serviceCentre.id !== '' && p.communes.length > 0);
}
