-- The audit log is append-only and hash-chained per tenant (docs/code-conventions.md#audit).
-- hash(n) = sha256(hash(n-1) || canonical text of row n); the first row of a tenant chains to
-- 32 zero bytes. Editing, deleting or reordering any row breaks every later link, which
-- `npm run audit:verify` reports.

-- The canonical text of a row; the verifier calls the same function, so the two cannot drift.
CREATE FUNCTION gov_audit_digest(
  prev_hash bytea, tenant_id uuid, seq bigint, occurred_at timestamptz, actor_user_id uuid,
  action text, subject_type text, subject_id text, details jsonb, request_id text
) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog
RETURN sha256(prev_hash || convert_to(concat_ws(E'\x1f',
  tenant_id::text, seq::text,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
  coalesce(actor_user_id::text, ''), action, subject_type, coalesce(subject_id, ''),
  coalesce(details::text, ''), coalesce(request_id, '')), 'UTF8'));--> statement-breakpoint

-- SECURITY DEFINER (reviewed): the app may not touch audit_chain_heads, but every insert must
-- advance it. The row lock on the head serialises concurrent inserts of one tenant, so the
-- chain stays linear; other tenants are not blocked. search_path is pinned.
CREATE FUNCTION gov_audit_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head audit_chain_heads%ROWTYPE;
BEGIN
  INSERT INTO audit_chain_heads (tenant_id, last_seq, last_hash)
    VALUES (NEW.tenant_id, 0, '\x0000000000000000000000000000000000000000000000000000000000000000')
    ON CONFLICT (tenant_id) DO NOTHING;
  SELECT * INTO STRICT head FROM audit_chain_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
  NEW.seq := head.last_seq + 1;
  NEW.occurred_at := coalesce(NEW.occurred_at, now());
  NEW.prev_hash := head.last_hash;
  NEW.hash := gov_audit_digest(NEW.prev_hash, NEW.tenant_id, NEW.seq, NEW.occurred_at,
    NEW.actor_user_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.details, NEW.request_id);
  UPDATE audit_chain_heads SET last_seq = NEW.seq, last_hash = NEW.hash, updated_at = now()
    WHERE tenant_id = NEW.tenant_id;
  RETURN NEW;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION gov_audit_chain() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION gov_audit_chain();--> statement-breakpoint

-- Belt and braces on top of the grants: not even the owner may rewrite history.
CREATE FUNCTION gov_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION gov_audit_append_only();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION gov_audit_append_only();--> statement-breakpoint

-- The trigger runs as gov_owner, and FORCE ROW LEVEL SECURITY applies to the owner too: let it
-- reach only the head of the tenant in the current transaction's context.
CREATE POLICY audit_chain_heads_owner ON audit_chain_heads FOR ALL TO gov_owner
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
