import postgres from 'postgres';
import { afterAll, describe, expect, it, inject } from 'vitest';

// The catalog is the source of truth: these checks find every table, key and view by
// themselves, so a table added later without RLS fails here rather than in production.
const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => admin.end({ timeout: 1 }));

/** Reference data with a tenant column that every tenant may read (see 0004_enable-tenant-rls.sql). */
const PUBLIC_REFERENCE = ['admin_units'];
/**
 * Indexes of where a user has data, which a citizen reads before any province is chosen (an
 * extra own-rows policy beside the tenant one); the app may only read and add to them.
 */
const USER_INDEXES = ['applicant_provinces'];
/**
 * Records that belong to one province or, with no tenant, to every province at once (a ministry
 * read of the national report). Forced RLS with policies of their own: the app reads its
 * province's rows and the national ones, only inside a province context, and writes only for the
 * province it is in. Not keyed by tenant, since a national row has none.
 */
const TENANT_OR_NATIONAL = ['ministry_reads'];

describe('row-level security catalog', () => {
  it('every table with a tenant column has RLS enabled and forced, with both policies', async () => {
    const rows = await admin<{ name: string; enabled: boolean; forced: boolean; policies: string[] }[]>`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        coalesce(array_agg(p.polname::text order by p.polname) filter (where p.polname is not null), '{}') as policies
      from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      left join pg_policy p on p.polrelid = c.oid
      where c.relkind in ('r', 'p') and c.relnamespace = 'public'::regnamespace
      group by c.oid, c.relname order by 1`;
    expect(rows.length).toBeGreaterThanOrEqual(17);
    for (const row of rows) {
      expect({ table: row.name, enabled: row.enabled, forced: row.forced }).toEqual({ table: row.name, enabled: true, forced: true });
      const expected = PUBLIC_REFERENCE.includes(row.name)
        ? [`${row.name}_public_read`]
        : TENANT_OR_NATIONAL.includes(row.name)
          ? [`${row.name}_ministry_read`, `${row.name}_tenant_insert`, `${row.name}_tenant_read`]
          : [`${row.name}_ministry_read`, `${row.name}_tenant_isolation`];
      expect({ table: row.name, policies: row.policies }).toEqual({ table: row.name, policies: expect.arrayContaining(expected) as unknown });
    }
  });

  it('the tenant policy is the fail-closed form, for the app role only', async () => {
    const rows = await admin<{ name: string; roles: string[]; qual: string; check: string }[]>`
      select polname as name, array(select rolname::text from pg_roles where oid = any(polroles)) as roles,
        pg_get_expr(polqual, polrelid) as qual, pg_get_expr(polwithcheck, polrelid) as check
      from pg_policy where polname like '%\\_tenant_isolation'`;
    expect(rows.length).toBeGreaterThanOrEqual(16);
    const ownPolicies = await admin<{ name: string; roles: string[]; expr: string }[]>`
      select polname as name, array(select rolname::text from pg_roles where oid = any(polroles)) as roles,
        coalesce(pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid)) as expr
      from pg_policy where polrelid::regclass::text = any(${TENANT_OR_NATIONAL}) and polname not like '%\\_ministry_read'`;
    expect(ownPolicies.length).toBe(2 * TENANT_OR_NATIONAL.length);
    for (const row of ownPolicies) {
      expect(row.roles).toEqual(['gov_app']);
      expect(row.expr).toContain("NULLIF(current_setting('app.tenant_id'::text, true), ''::text)");
    }
    for (const row of rows) {
      expect(row.roles).toEqual(['gov_app']);
      for (const expr of [row.qual, row.check]) {
        expect(expr).toContain("NULLIF(current_setting('app.tenant_id'::text, true), ''::text)");
        expect(expr).not.toMatch(/gov_ministry|OR /);
      }
    }
  });

  it('tenant id leads every primary key and is part of every unique and foreign key between tenant tables', async () => {
    const rows = await admin<{ table: string; constraint: string; type: string; columns: string[]; ref: string | null; refTenant: boolean | null }[]>`
      select c.relname as table, k.conname as constraint, k.contype as type, k.confrelid::regclass::text as ref,
        array(select attname::text from pg_attribute where attrelid = k.conrelid and attnum = any(k.conkey)) as columns,
        (select bool_or(attname = 'tenant_id') from pg_attribute where attrelid = k.confrelid and not attisdropped) as "refTenant"
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      where k.contype in ('p', 'u', 'f') and c.relnamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute where attrelid = c.oid and attname = 'tenant_id')
        and c.relname <> all(${[...PUBLIC_REFERENCE, ...TENANT_OR_NATIONAL]})`;
    for (const row of rows) {
      // A reference to a global table (users, procedures) or to national reference data.
      if (row.type === 'f' && (!row.refTenant || PUBLIC_REFERENCE.includes(row.ref ?? ''))) continue;
      if (row.type === 'f' && row.columns.length === 1 && row.columns[0] === 'tenant_id') continue; // → tenants
      expect({ ...row, hasTenant: row.columns.includes('tenant_id') }).toMatchObject({ hasTenant: true });
    }
    const pks = await admin<{ table: string; first: string }[]>`
      select c.relname as table, a.attname as first from pg_constraint k join pg_class c on c.oid = k.conrelid
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
      where k.contype = 'p' and c.relnamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute where attrelid = c.oid and attname = 'tenant_id')
        and c.relname <> all(${[...PUBLIC_REFERENCE, ...TENANT_OR_NATIONAL]})`;
    for (const pk of pks) expect(pk).toEqual({ table: pk.table, first: 'tenant_id' });
  });

  it('user indexes give the app only SELECT and INSERT, and a citizen reads only their own rows', async () => {
    const rows = await admin<{ name: string; privileges: string[]; ownRows: string | null }[]>`
      select c.relname as name,
        array(select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p where has_table_privilege('gov_app', c.oid, p)) as privileges,
        (select pg_get_expr(polqual, polrelid) from pg_policy where polrelid = c.oid and polname = c.relname || '_own_rows') as "ownRows"
      from pg_class c where c.relname = any(${USER_INDEXES}) and c.relnamespace = 'public'::regnamespace order by 1`;
    expect(rows.map(({ name, privileges }) => ({ name, privileges }))).toEqual(USER_INDEXES.map((name) => ({ name, privileges: ['SELECT', 'INSERT'] })));
    for (const row of rows) expect(row.ownRows).toContain("NULLIF(current_setting('app.user_id'::text, true), ''::text)");
  });

  it('every view runs with the caller’s rights (security_invoker)', async () => {
    const views = await admin<{ name: string; options: string[] | null }[]>`
      select relname as name, reloptions as options from pg_class
      where relkind in ('v', 'm') and relnamespace = 'public'::regnamespace`;
    // None today (the reports query tables directly); this holds any view added later to the rule.
    for (const view of views)
      expect({ view: view.name, options: view.options }).toEqual({ view: view.name, options: expect.arrayContaining(['security_invoker=true']) as unknown });
  });

  it('only reviewed SECURITY DEFINER functions exist, each with a pinned search_path', async () => {
    const rows = await admin<{ name: string; config: string[] | null }[]>`
      select proname as name, proconfig as config from pg_proc
      where prosecdef and pronamespace = 'public'::regnamespace order by 1`;
    // gov_audit_chain: the hash chain's writer. gov_citizen_held_*: whether the current province's
    // citizens still hold a file or key the archive run would remove, answering only that (0071).
    expect(rows.map((r) => r.name)).toEqual(['gov_audit_chain', 'gov_citizen_held_files', 'gov_citizen_held_keys']);
    for (const row of rows) expect(row.config?.some((c) => c.startsWith('search_path='))).toBe(true);
  });
});
