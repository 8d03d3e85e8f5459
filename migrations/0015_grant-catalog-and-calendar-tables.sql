-- The national catalog's new tables and the province calendar settings.

-- Province working hours and local day overrides are tenant data: the standard RLS template.
SELECT gov_enable_tenant_rls('tenant_calendars');--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON tenant_calendars TO gov_app;--> statement-breakpoint

-- Ministry default processes are global and versioned: a new version is an INSERT, never an
-- UPDATE, so the app gets no UPDATE or DELETE. Every province reads them to copy one.
GRANT SELECT, INSERT ON default_processes TO gov_app;--> statement-breakpoint
GRANT SELECT ON default_processes TO gov_ministry;--> statement-breakpoint

-- Platform audit log: append-only for the app (like audit_log), readable by oversight.
GRANT SELECT, INSERT ON platform_audit_log TO gov_app;--> statement-breakpoint
GRANT SELECT ON platform_audit_log TO gov_ministry;--> statement-breakpoint

-- One hash chain for the whole platform, same digest as the tenant chains (tenant_id NULL).
-- Not SECURITY DEFINER: the app may read the log, so the trigger runs with its rights; the
-- transaction-scoped advisory lock serialises concurrent inserts so the chain stays linear.
CREATE FUNCTION gov_platform_audit_chain() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
  last_row record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('gov-one-stop:platform-audit'));
  SELECT seq, hash INTO last_row FROM platform_audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_row.seq, 0) + 1;
  NEW.occurred_at := coalesce(NEW.occurred_at, now());
  NEW.prev_hash := coalesce(last_row.hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
  NEW.hash := gov_audit_digest(NEW.prev_hash, NULL::uuid, NEW.seq, NEW.occurred_at,
    NEW.actor_user_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.details, NEW.request_id);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER platform_audit_log_chain BEFORE INSERT ON platform_audit_log
  FOR EACH ROW EXECUTE FUNCTION gov_platform_audit_chain();--> statement-breakpoint
CREATE TRIGGER platform_audit_log_append_only BEFORE UPDATE OR DELETE ON platform_audit_log
  FOR EACH ROW EXECUTE FUNCTION gov_audit_append_only();--> statement-breakpoint
CREATE TRIGGER platform_audit_log_no_truncate BEFORE TRUNCATE ON platform_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION gov_audit_append_only();
