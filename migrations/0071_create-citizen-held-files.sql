-- The archive and deletion runs (docs/domain/archive-and-retention.md) must not remove bytes a
-- citizen's stored document still points at (docs/domain/citizen-data-store.md), but a province's
-- transaction cannot read citizen_documents: only their owner may (restrictive policies of 0056).
-- These two reviewed SECURITY DEFINER functions answer just that question, for the province set
-- in the caller's transaction and for the keys or files the caller names, and return nothing
-- else: no owner, no name, no dossier. search_path is pinned.
--
-- The functions run as the owner, whom FORCE row-level security binds too: this policy lets the
-- owner read the province's rows that the caller's transaction has chosen, and nothing when none.
CREATE POLICY citizen_documents_held_files ON citizen_documents FOR SELECT TO gov_owner
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint

-- Of `keys`, those a citizen's stored document of this province still holds (hidden ones too:
-- the row and its pointer stay, the citizen's own rules decide when they go).
CREATE FUNCTION gov_citizen_held_keys(keys text[]) RETURNS SETOF text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT DISTINCT storage_key FROM citizen_documents
    WHERE tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid AND storage_key = ANY (keys)
$$;--> statement-breakpoint

-- Of the dossier files `ids`, those a citizen's stored document of this province points at.
CREATE FUNCTION gov_citizen_held_files(ids uuid[]) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT DISTINCT source_file_id FROM citizen_documents
    WHERE tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid AND source_file_id = ANY (ids)
$$;--> statement-breakpoint

REVOKE ALL ON FUNCTION gov_citizen_held_keys(text[]) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION gov_citizen_held_files(uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION gov_citizen_held_keys(text[]) TO gov_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION gov_citizen_held_files(uuid[]) TO gov_app;
