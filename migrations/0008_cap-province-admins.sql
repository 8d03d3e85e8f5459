-- At most three active province admin accounts per province (docs/domain/roles.md), enforced by the
-- database so it holds under concurrent grants: the transaction-scoped advisory lock serialises
-- grants within one province, and the count runs after the lock is taken, with a fresh snapshot
-- that sees every grant committed before it. Other provinces are not blocked.
CREATE FUNCTION gov_cap_province_admins() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
  active integer;
BEGIN
  IF NEW.role <> 'province_admin' OR NEW.revoked_at IS NOT NULL THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('gov:province_admins:' || NEW.tenant_id::text));
  SELECT count(*) INTO active FROM role_assignments
    WHERE tenant_id = NEW.tenant_id AND role = 'province_admin' AND revoked_at IS NULL
      AND id <> NEW.id;
  IF active >= 3 THEN
    RAISE EXCEPTION 'a province may have at most 3 province admins'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'role_assignments_province_admin_cap';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER role_assignments_province_admin_cap BEFORE INSERT OR UPDATE OF role, revoked_at ON role_assignments
  FOR EACH ROW EXECUTE FUNCTION gov_cap_province_admins();
