import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DISTRIBUTION_COLUMN, TABLE_PLACEMENT, type Placement } from './distribution.js';

/**
 * Every table must stay distributable on Citus by tenant (docs/operations/citus.md): these are the
 * rules Citus 13 enforces when a table is distributed or a constraint added, checked here on the
 * migrated catalog so a new table or key that would break the scale-out fails `npm test` without
 * a Citus server.
 */
const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });

interface Key {
  table: string;
  name: string;
  kind: string;
  columns: string[];
}
interface ForeignKey extends Key {
  target: string;
  targetColumns: string[];
  onDelete: string;
  onUpdate: string;
}

let tables: { name: string; hasTenantId: boolean; tenantIdNotNull: boolean }[];
let keys: Key[];
let foreignKeys: ForeignKey[];

beforeAll(async () => {
  tables = await admin`
    select c.relname as name, a.attname is not null as "hasTenantId", coalesce(a.attnotnull, false) as "tenantIdNotNull"
    from pg_class c left join pg_attribute a on a.attrelid = c.oid and a.attname = ${DISTRIBUTION_COLUMN} and not a.attisdropped
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not like '\\_\\_drizzle%'
    order by 1`;
  // Primary keys, unique and exclusion constraints, and unique indexes that back no constraint
  // (expressions count as no column, so an expression index can never carry tenant_id).
  keys = await admin`
    select t.relname as table, i.relname as name, coalesce(c.contype::text, 'unique index') as kind,
      array(select attname from unnest(x.indkey) k join pg_attribute on attrelid = t.oid and attnum = k)::text[] as columns
    from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
      left join pg_constraint c on c.conindid = x.indexrelid and c.contype in ('p', 'u', 'x')
    where t.relnamespace = 'public'::regnamespace and (x.indisunique or c.contype = 'x')`;
  foreignKeys = await admin`
    select t.relname as table, c.conname as name, 'f' as kind, r.relname as target,
      array(select attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute on attrelid = c.conrelid and attnum = n order by i)::text[] as columns,
      array(select attname from unnest(c.confkey) with ordinality k(n, i) join pg_attribute on attrelid = c.confrelid and attnum = n order by i)::text[] as "targetColumns",
      c.confdeltype as "onDelete", c.confupdtype as "onUpdate"
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
    where c.contype = 'f' and t.relnamespace = 'public'::regnamespace`;
});

afterAll(() => admin.end({ timeout: 1 }));

const placementOf = (table: string): Placement | undefined => TABLE_PLACEMENT[table]?.placement;

describe('every table can be placed on Citus by tenant', () => {
  it('every table has a placement, and every placement names a table', () => {
    const names = tables.map((t) => t.name);
    expect(names.filter((n) => !placementOf(n))).toEqual([]);
    expect(Object.keys(TABLE_PLACEMENT).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('a table with tenant_id is distributed by it, or says why not', () => {
    const unexplained = tables.filter((t) => t.hasTenantId && placementOf(t.name) !== 'tenant' && !TABLE_PLACEMENT[t.name]?.why);
    expect(unexplained.map((t) => t.name)).toEqual([]);
  });

  it('tenant tables have a NOT NULL tenant_id (a distribution column cannot be null)', () => {
    const bad = tables.filter((t) => placementOf(t.name) === 'tenant' && !(t.hasTenantId && t.tenantIdNotNull));
    expect(bad.map((t) => t.name)).toEqual([]);
  });

  it('every primary key, unique or exclusion constraint and unique index of a tenant table includes tenant_id', () => {
    const bad = keys.filter((k) => placementOf(k.table) === 'tenant' && !k.columns.includes(DISTRIBUTION_COLUMN));
    expect(bad.map((k) => `${k.table}.${k.name} (${k.kind}: ${k.columns.join(', ')})`)).toEqual([]);
  });

  it('no row-level security policy holds a subquery (Citus refuses them on the tables it manages)', async () => {
    const rows = await admin<{ policy: string }[]>`
      select c.relname || '.' || p.polname as policy from pg_policy p join pg_class c on c.oid = p.polrelid
      where c.relnamespace = 'public'::regnamespace
        and (pg_get_expr(p.polqual, p.polrelid) ~* '\\mselect\\M' or pg_get_expr(p.polwithcheck, p.polrelid) ~* '\\mselect\\M')`;
    expect(rows.map((r) => r.policy)).toEqual([]);
  });

  it('foreign keys point only where Citus can enforce them', () => {
    const bad = foreignKeys.flatMap((fk) => {
      const problem = foreignKeyProblem(fk);
      return problem ? [`${fk.table}.${fk.name} → ${fk.target}: ${problem}`] : [];
    });
    expect(bad).toEqual([]);
  });
});

/** Citus 13's rules (commands/foreign_constraint.c), for the placements we use. */
function foreignKeyProblem(fk: ForeignKey): string | undefined {
  const from = placementOf(fk.table);
  const to = placementOf(fk.target);
  if (from === 'reference' && to !== 'reference') return 'a reference table may reference only reference tables';
  if (from === 'local' && to === 'tenant') return 'a local table may not reference a distributed table';
  if (from === 'tenant' && to === 'local') return 'a distributed table may not reference a local table';
  if (from === 'tenant' && to === 'tenant') {
    const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
    if (at < 0 || fk.targetColumns[at] !== DISTRIBUTION_COLUMN) return 'between tenant tables the key must pair tenant_id with tenant_id';
  }
  if (from === 'tenant' && fk.columns.includes(DISTRIBUTION_COLUMN)) {
    // a = no action, r = restrict, c = cascade, n = set null, d = set default
    if (fk.onDelete === 'n' || fk.onDelete === 'd') return 'ON DELETE SET NULL/DEFAULT would change tenant_id';
    if (!['a', 'r'].includes(fk.onUpdate)) return 'ON UPDATE actions would change tenant_id';
  }
  return undefined;
}
