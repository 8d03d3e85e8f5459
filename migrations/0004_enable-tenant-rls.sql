-- Tenant isolation enforced by PostgreSQL itself (docs/architecture.md, "Tenancy with row-level
-- security"). One function applies the same template to every tenant-owned table, now and in
-- later migrations, so no table can get a weaker variant by hand:
--   * ENABLE and FORCE row level security (FORCE: the owner is not exempt either);
--   * gov_app sees and writes only rows of the tenant set by set_config('app.tenant_id', $1, true)
--     in the current transaction; `nullif(..., '')` fails closed when the setting is unset or
--     was reset to '' by an earlier transaction on a pooled connection;
--   * gov_ministry reads every tenant through its own policy (never OR-ed into the tenant
--     policy, which would disable the tenant index), and has no write grants at all.
CREATE FUNCTION gov_enable_tenant_rls(target regclass) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
  name text := target::text;
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format(
    'CREATE POLICY %I ON %s FOR ALL TO gov_app
       USING (tenant_id = (SELECT nullif(current_setting(''app.tenant_id'', true), '''')::uuid))
       WITH CHECK (tenant_id = (SELECT nullif(current_setting(''app.tenant_id'', true), '''')::uuid))',
    name || '_tenant_isolation', target);
  EXECUTE format('CREATE POLICY %I ON %s FOR SELECT TO gov_ministry USING (true)', name || '_ministry_read', target);
  EXECUTE format('GRANT SELECT ON %s TO gov_ministry', target);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION gov_enable_tenant_rls(regclass) FROM PUBLIC;--> statement-breakpoint

SELECT gov_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'org_units', 'tenant_users', 'role_assignments', 'procedure_settings', 'process_definitions',
  'dossiers', 'dossier_files', 'dossier_events', 'tasks', 'dossier_fees', 'payments', 'feedback',
  'satisfaction_ratings', 'audit_log', 'audit_chain_heads', 'outbox'
]) AS t;--> statement-breakpoint

-- What the app may do per table (least privilege). History tables are append-only.
GRANT SELECT, INSERT, UPDATE, DELETE ON org_units, tenant_users, role_assignments,
  procedure_settings, process_definitions, dossiers, dossier_files, tasks, dossier_fees, payments,
  feedback, satisfaction_ratings, outbox TO gov_app;--> statement-breakpoint
GRANT SELECT, INSERT ON dossier_events, audit_log TO gov_app;--> statement-breakpoint
-- audit_chain_heads is written only by the audit trigger (SECURITY DEFINER), never by the app.

-- Commune-level units carry a tenant_id but are national reference data: every tenant (and the
-- citizen portal) reads all of them; only the owner writes them, through the seed or an import.
ALTER TABLE admin_units ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE admin_units FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY admin_units_public_read ON admin_units FOR SELECT TO gov_app, gov_ministry USING (true);--> statement-breakpoint
CREATE POLICY admin_units_owner_write ON admin_units FOR ALL TO gov_owner USING (true) WITH CHECK (true);--> statement-breakpoint

-- Global tables: identities, sessions, ministry roles, the national catalog.
GRANT SELECT, INSERT, UPDATE ON users, platform_role_assignments TO gov_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO gov_app;--> statement-breakpoint
GRANT SELECT, INSERT ON procedures TO gov_app;--> statement-breakpoint
GRANT SELECT ON procedures, platform_role_assignments TO gov_ministry;--> statement-breakpoint
-- Oversight needs to know who did what, not password hashes.
GRANT SELECT (id, login, kind, status, display_name, created_at) ON users TO gov_ministry;
