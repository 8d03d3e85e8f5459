-- Ministry reads (Bộ đã xem dữ liệu của tỉnh): one row per request in which ministry staff read a
-- province's data, so the province can see who at the ministry looked and at what. One insert per
-- request, never per row read. tenant_id is the province read; null means a report over every
-- province at once (the national report), which every province may see, but only from inside its
-- own tenant context: without one, no row is visible, as on every tenant table.
-- Only the method, the route pattern and id-shaped path parameters are kept: never a query string or a code,
-- which could carry a citizen ID number.
CREATE TABLE "ministry_reads" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "tenant_id" uuid REFERENCES "tenants"("id"),
  "actor_user_id" uuid NOT NULL REFERENCES "users"("id"),
  "resource" text NOT NULL,
  "resource_ids" jsonb,
  "request_id" text,
  "occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "ministry_reads_tenant_idx" ON "ministry_reads" ("tenant_id", "occurred_at" DESC);--> statement-breakpoint

-- Forced RLS like the tenant tables, with its own policies because a national row (tenant null)
-- belongs to every province: gov_app reads its tenant's rows and the national ones, and writes a
-- row only for the tenant set in the transaction (or a national row when none is set); the
-- ministry reads all.
ALTER TABLE "ministry_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ministry_reads" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY ministry_reads_tenant_read ON ministry_reads FOR SELECT TO gov_app
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
    OR (tenant_id IS NULL AND (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid) IS NOT NULL));--> statement-breakpoint
CREATE POLICY ministry_reads_tenant_insert ON ministry_reads FOR INSERT TO gov_app
  WITH CHECK (tenant_id IS NOT DISTINCT FROM (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY ministry_reads_ministry_read ON ministry_reads FOR SELECT TO gov_ministry USING (true);--> statement-breakpoint

-- Append-only for the app, like auth_events (0012): it may only add and read.
GRANT SELECT, INSERT ON ministry_reads TO gov_app;--> statement-breakpoint
GRANT SELECT ON ministry_reads TO gov_ministry;--> statement-breakpoint
CREATE TRIGGER ministry_reads_append_only BEFORE UPDATE OR DELETE ON ministry_reads
  FOR EACH ROW EXECUTE FUNCTION gov_audit_append_only();--> statement-breakpoint
CREATE TRIGGER ministry_reads_no_truncate BEFORE TRUNCATE ON ministry_reads
  FOR EACH STATEMENT EXECUTE FUNCTION gov_audit_append_only();
