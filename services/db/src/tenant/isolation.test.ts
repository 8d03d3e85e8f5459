import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDb } from '../client.js';
import { createTenantFixture, fixtureRowsIn, type TenantFixture } from '../testing/fixtures.js';
import { withMinistryRead, withTenant, withTenantAsUser, type TenantDb } from './with-tenant.js';

const { sql } = createDb(inject('databaseUrl'), { max: 4 });
const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
let a: TenantFixture;
let b: TenantFixture;
let tables: string[];
/** Written only by the audit trigger: the app role has no privilege on it at all. */
const TRIGGER_ONLY = 'audit_chain_heads';
/** Rows their owner alone reads, beside the tenant (docs/domain/citizen-data-store.md, dossier-drafts.md). */
const OWNER_ONLY = ['citizen_documents', 'dossier_drafts'];

/** Every table with a tenant_id column, read from the catalog so a new table is covered. */
async function tenantTables(): Promise<string[]> {
  const rows = await admin<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_attribute a on a.attrelid = c.oid
    where a.attname = 'tenant_id' and not a.attisdropped and c.relkind in ('r', 'p')
      and c.relnamespace = 'public'::regnamespace and c.relname <> 'admin_units'
    order by 1`;
  return rows.map((r) => r.name);
}

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  [a, b] = await Promise.all([createTenantFixture({ sql, ownerUrl }), createTenantFixture({ sql, ownerUrl })]);
  tables = await tenantTables();
});

afterAll(async () => {
  await Promise.all([sql.end({ timeout: 1 }), admin.end({ timeout: 1 })]);
});

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('tenant isolation on every tenant-owned table', () => {
  it('covers the tables the schema promises', () => {
    expect(tables).toEqual(expect.arrayContaining(['dossiers', 'org_units', 'audit_log', 'outbox', 'tasks', 'dossier_events']));
    expect(tables.length).toBeGreaterThanOrEqual(16);
  });

  it('tenant A reads none of tenant B’s rows, and its own rows are there', async () => {
    for (const table of tables.filter((t) => t !== TRIGGER_ONLY)) {
      // A citizen's stored documents and drafts are readable only with their owner's id set as well.
      const read = <T>(fn: (tx: TenantDb) => Promise<T>) =>
        OWNER_ONLY.includes(table) ? withTenantAsUser(sql, a.tenantId, a.userId, fn) : withTenant(sql, a.tenantId, fn);
      const counts = await read(async (tx) => {
        const run = (tenantId: string) => tx.$client<{ n: number }[]>`select count(*)::int as n from ${tx.$client(table)} where tenant_id = ${tenantId}`;
        return { own: (await run(a.tenantId))[0]?.n, other: (await run(b.tenantId))[0]?.n };
      });
      expect({ table, ...counts }).toEqual({ table, own: fixtureRowsIn(table), other: 0 });
    }
  });

  it('the app role has no privilege on the audit chain heads', async () => {
    const code = await withTenant(sql, a.tenantId, (tx) => outcome(() => tx.$client`select * from ${tx.$client(TRIGGER_ONLY)}`));
    expect(code).toBe('42501');
  });

  it('tenant A cannot update or delete tenant B’s rows', async () => {
    for (const table of tables) {
      const [granted] = await admin<{ update: boolean; delete: boolean }[]>`
        select has_table_privilege('gov_app', ${table}, 'UPDATE') as update, has_table_privilege('gov_app', ${table}, 'DELETE') as delete`;
      const result = await withTenant(sql, a.tenantId, async (tx) => {
        const updated = await outcome(async () => {
          const r = await tx.$client`update ${tx.$client(table)} set tenant_id = tenant_id where tenant_id = ${b.tenantId}`;
          if (r.count > 0) throw new Error('updated');
        });
        return updated;
      });
      // Without the grant (append-only history) the statement is refused; with it, it matches no row.
      expect({ table, result }).toEqual({ table, result: granted?.update ? 'ok' : '42501' });
      const deleted = await withTenant(sql, a.tenantId, (tx) =>
        tx.$client`delete from ${tx.$client(table)} where tenant_id = ${b.tenantId}`.then(
          (r) => r.count,
          (e: { code: string }) => e.code,
        ),
      );
      expect({ table, deleted }).toEqual({ table, deleted: granted?.delete ? 0 : '42501' });
    }
    const [row] = await admin<{ n: number }[]>`select count(*)::int as n from dossiers where tenant_id = ${b.tenantId}`;
    expect(row?.n).toBe(1);
  });

  it('tenant A cannot insert a row into tenant B', async () => {
    for (const table of tables) {
      const columns = await admin<{ name: string }[]>`
        select attname as name from pg_attribute where attrelid = ${table}::regclass and attnum > 0
          and not attisdropped and attgenerated = '' order by attnum`;
      const [source] = await admin<{ row: Record<string, unknown> }[]>`
        select to_jsonb(t) as row from ${admin(table)} t where tenant_id = ${b.tenantId} limit 1`;
      const names = columns.map((c) => c.name);
      const code = await withTenant(sql, a.tenantId, (tx) =>
        outcome(
          () => tx.$client`insert into ${tx.$client(table)} (${tx.$client(names)})
          select ${tx.$client(names)} from jsonb_populate_record(null::${tx.$client(table)}, ${JSON.stringify(source!.row)}::jsonb)`,
        ),
      );
      expect({ table, code }).toEqual({ table, code: '42501' });
    }
  });
});

describe('no tenant context', () => {
  it('returns zero rows and rejects writes', async () => {
    for (const table of tables.filter((t) => t !== TRIGGER_ONLY)) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)}`;
      expect({ table, n: row?.n }).toEqual({ table, n: 0 });
    }
    const code = await outcome(() => sql`insert into outbox (tenant_id, topic, payload) values (${a.tenantId}, 'x', '{}')`);
    expect(code).toBe('42501');
  });

  it('an empty setting left by an earlier transaction still fails closed', async () => {
    const reserved = await sql.reserve();
    try {
      await reserved`begin`;
      await reserved`select set_config('app.tenant_id', ${a.tenantId}, true)`;
      await reserved`commit`;
      // After a transaction-local set_config the session value is '' (not NULL).
      const [setting] = await reserved<{ v: string | null }[]>`select current_setting('app.tenant_id', true) as v`;
      expect(setting?.v).toBe('');
      const [row] = await reserved<{ n: number }[]>`select count(*)::int as n from dossiers`;
      expect(row?.n).toBe(0);
    } finally {
      reserved.release();
    }
  });
});

describe('pooled connections', () => {
  it('a connection used for tenant A and then tenant B leaks nothing', async () => {
    const single = createDb(inject('databaseUrl'), { max: 1 });
    try {
      const ids = (tenantId: string) => withTenant(single.sql, tenantId, (tx) => tx.$client<{ tenant_id: string }[]>`select distinct tenant_id from dossiers`);
      expect((await ids(a.tenantId)).map((r) => r.tenant_id)).toEqual([a.tenantId]);
      const [between] = await single.sql<{ n: number }[]>`select count(*)::int as n from dossiers`;
      expect(between?.n).toBe(0);
      expect((await ids(b.tenantId)).map((r) => r.tenant_id)).toEqual([b.tenantId]);
    } finally {
      await single.sql.end({ timeout: 1 });
    }
  });

  it('a failed tenant transaction rolls back and leaves the connection clean', async () => {
    const single = createDb(inject('databaseUrl'), { max: 1 });
    try {
      const failed = await outcome(() =>
        withTenant(single.sql, a.tenantId, async (tx) => {
          await tx.$client`insert into outbox (tenant_id, topic, payload) values (${a.tenantId}, 'rolled-back', '{}')`;
          throw new Error('boom');
        }),
      );
      expect(failed).toBe('Error: boom');
      const rows = await withTenant(single.sql, a.tenantId, (tx) => tx.$client`select 1 from outbox where topic = 'rolled-back'`);
      expect(rows).toHaveLength(0);
      const [state] = await single.sql<{ s: string }[]>`select current_setting('app.tenant_id', true) as s`;
      expect(state?.s ?? '').toBe('');
    } finally {
      await single.sql.end({ timeout: 1 });
    }
  });
});

describe('ministry oversight role', () => {
  it('is not inherited by the app role', async () => {
    const [role] = await admin<{ inherit: boolean; bypass: boolean; owner: boolean }[]>`
      select rolinherit as inherit, rolbypassrls as bypass,
        exists (select 1 from pg_tables where tableowner = 'gov_app') as owner
      from pg_roles where rolname = 'gov_app'`;
    expect(role).toEqual({ inherit: false, bypass: false, owner: false });
  });

  it('reads across tenants inside its read-only transaction', async () => {
    const seen = await withMinistryRead(
      sql,
      (tx) => tx.$client<{ tenant_id: string }[]>`select tenant_id from dossiers where tenant_id in (${a.tenantId}, ${b.tenantId})`,
    );
    expect(seen.map((r) => r.tenant_id).sort()).toEqual([a.tenantId, b.tenantId].sort());
  });

  it('cannot write anywhere, even outside a read-only transaction', async () => {
    for (const table of tables) {
      const readOnly = await outcome(() => withMinistryRead(sql, (tx) => tx.$client`delete from ${tx.$client(table)} where tenant_id = ${a.tenantId}`));
      expect({ table, readOnly }).toEqual({ table, readOnly: '25006' });
      const reserved = await sql.reserve();
      try {
        await reserved`begin`;
        await reserved`set local role gov_ministry`;
        const code = await outcome(() => reserved`update ${reserved(table)} set tenant_id = tenant_id`);
        await reserved`rollback`;
        expect({ table, code }).toEqual({ table, code: '42501' });
      } finally {
        reserved.release();
      }
    }
  });
});
