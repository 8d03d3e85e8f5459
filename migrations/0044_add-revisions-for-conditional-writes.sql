-- Optimistic concurrency for what admins edit (docs/api/conventions.md#concurrent-edits): each
-- row carries a revision that every UPDATE raises by one, whoever issues it. The API sends it as
-- the ETag and a write names the revision it was based on (If-Match); the service compares after
-- its own UPDATE, under that row's lock, so two admins writing from the same revision cannot both
-- succeed. A trigger is the one place the rule lives: no UPDATE can forget to raise it.
-- (Citus runs row triggers on distributed tables with citus.enable_unsafe_triggers; this one only
-- touches the row being written, which is what that setting requires.)
CREATE FUNCTION gov_raise_revision() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  NEW.revision := OLD.revision + 1;
  RETURN NEW;
END;
$$;

ALTER TABLE tenants ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE org_units ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE tenant_users ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE role_assignments ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE procedure_settings ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE process_definitions ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE tenant_calendars ADD COLUMN revision integer NOT NULL DEFAULT 1;

CREATE TRIGGER tenants_raise_revision BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();
CREATE TRIGGER org_units_raise_revision BEFORE UPDATE ON org_units FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();
CREATE TRIGGER tenant_users_raise_revision BEFORE UPDATE ON tenant_users FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();
CREATE TRIGGER role_assignments_raise_revision BEFORE UPDATE ON role_assignments FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();
CREATE TRIGGER procedure_settings_raise_revision BEFORE UPDATE ON procedure_settings FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();
CREATE TRIGGER process_definitions_raise_revision BEFORE UPDATE ON process_definitions FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();
CREATE TRIGGER tenant_calendars_raise_revision BEFORE UPDATE ON tenant_calendars FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();
