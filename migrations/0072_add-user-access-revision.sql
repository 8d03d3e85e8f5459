-- An officer's ability is built on every request from their role assignments in their home
-- province. The API keeps those grants between requests, per user, under this revision: the
-- session's own query reads it, and every change to the user's role assignments gives it a new
-- value in the same transaction, so a revoked role still takes effect on the very next request
-- (docs/operations/performance.md). Values come from one sequence, never reused: a user removed
-- and made again, or a database restored from another, cannot meet grants kept under an old value.
CREATE SEQUENCE gov_access_revision;--> statement-breakpoint
ALTER TABLE users ADD COLUMN access_revision bigint NOT NULL DEFAULT nextval('gov_access_revision');--> statement-breakpoint
GRANT USAGE ON SEQUENCE gov_access_revision TO gov_app;--> statement-breakpoint

-- A trigger is the one place the rule lives: no write to role_assignments (a grant, a revocation,
-- a move between units, an admin stepping down, a bulk import) can forget it.
CREATE FUNCTION gov_raise_access_revision() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE users SET access_revision = nextval('gov_access_revision') WHERE home_tenant_id IS NOT NULL;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE users SET access_revision = nextval('gov_access_revision') WHERE id = OLD.user_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
    UPDATE users SET access_revision = nextval('gov_access_revision') WHERE id = NEW.user_id;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint

-- A grant at a province's root unit covers the whole province: a unit that gains or loses its
-- parent changes what its officers' grants mean.
CREATE FUNCTION gov_raise_unit_access_revision() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  UPDATE users SET access_revision = nextval('gov_access_revision')
    WHERE id IN (SELECT user_id FROM role_assignments WHERE tenant_id = NEW.tenant_id AND org_unit_id = NEW.id);
  RETURN NULL;
END;
$$;--> statement-breakpoint

CREATE TRIGGER role_assignments_raise_access_revision AFTER INSERT OR UPDATE OR DELETE ON role_assignments
  FOR EACH ROW EXECUTE FUNCTION gov_raise_access_revision();--> statement-breakpoint
CREATE TRIGGER role_assignments_truncate_access_revision AFTER TRUNCATE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION gov_raise_access_revision();--> statement-breakpoint
CREATE TRIGGER org_units_raise_access_revision AFTER UPDATE OF parent_id ON org_units
  FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION gov_raise_unit_access_revision();
