-- Row-level security policies without subqueries, so the tables can be distributed on Citus
-- (docs/operations/citus.md): Citus refuses a policy whose expression holds a subquery on a
-- distributed or reference table ("Subqueries are not supported in policies on distributed
-- tables"), and distributing any table converts every table linked to it by foreign keys.
-- The policies read the transaction's setting as `(SELECT nullif(current_setting(...), '')::uuid)`;
-- they now read `nullif(current_setting(...), '')::uuid` directly. Same meaning (an unset or
-- reset setting still matches nothing), and current_setting is STABLE, so the tenant index is
-- still used. Every policy is rewritten from its own text, so no policy changes otherwise.
DO $$
DECLARE
  p record;
  wrapped text;
  bare text;
  qual text;
  checked text;
BEGIN
  FOR p IN
    SELECT c.relname AS tablename, pol.polname AS policyname,
      pg_get_expr(pol.polqual, pol.polrelid) AS qual, pg_get_expr(pol.polwithcheck, pol.polrelid) AS with_check
    FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
    WHERE c.relnamespace = 'public'::regnamespace
  LOOP
    qual := p.qual;
    checked := p.with_check;
    FOREACH wrapped IN ARRAY ARRAY['app.tenant_id', 'app.user_id'] LOOP
      bare := format('(NULLIF(current_setting(%L::text, true), ''''::text))::uuid', wrapped);
      qual := replace(qual, format('( SELECT %s AS "nullif")', bare), bare);
      checked := replace(checked, format('( SELECT %s AS "nullif")', bare), bare);
    END LOOP;
    IF qual IS DISTINCT FROM p.qual THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', p.policyname, p.tablename, qual);
    END IF;
    IF checked IS DISTINCT FROM p.with_check THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', p.policyname, p.tablename, checked);
    END IF;
  END LOOP;
  IF EXISTS (
    SELECT FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
    WHERE c.relnamespace = 'public'::regnamespace
      AND (pg_get_expr(pol.polqual, pol.polrelid) ~* '\mselect\M' OR pg_get_expr(pol.polwithcheck, pol.polrelid) ~* '\mselect\M')
  ) THEN
    RAISE EXCEPTION 'a row-level security policy still holds a subquery';
  END IF;
END
$$;--> statement-breakpoint

-- The template for tenant tables (0004), same policies, without the subquery.
CREATE OR REPLACE FUNCTION gov_enable_tenant_rls(target regclass) RETURNS void
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
  name text := target::text;
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format(
    'CREATE POLICY %I ON %s FOR ALL TO gov_app
       USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)
       WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
    name || '_tenant_isolation', target);
  EXECUTE format('CREATE POLICY %I ON %s FOR SELECT TO gov_ministry USING (true)', name || '_ministry_read', target);
  EXECUTE format('GRANT SELECT ON %s TO gov_ministry', target);
END
$$;
