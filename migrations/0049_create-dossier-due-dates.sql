-- The history of each dossier's due date (hạn trả kết quả), so a closed period's report judges
-- overdue against the due date as it stood at the period's end (docs/domain/report-rules.md): a
-- later supplement request, pause or extension moves dossiers.due_at but must not rewrite a past
-- quarter. The dossier workflow's projection adds a row whenever the due date it writes differs
-- from the row's (at intake, when the clock pauses or resumes, on an apology letter), keyed by the
-- transition's event key so a replayed projection adds nothing. Append-only for the app.
CREATE TABLE "dossier_due_dates" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "dossier_id" uuid NOT NULL,
  "due_at" timestamp with time zone,
  "effective_at" timestamp with time zone NOT NULL,
  "event_key" text NOT NULL,
  CONSTRAINT "dossier_due_dates_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "dossier_due_dates_event_key" UNIQUE ("tenant_id", "dossier_id", "event_key"),
  CONSTRAINT "dossier_due_dates_dossier_fk" FOREIGN KEY ("tenant_id", "dossier_id") REFERENCES "dossiers"("tenant_id", "id")
);--> statement-breakpoint
-- The report looks up each dossier's last change before an instant.
CREATE INDEX "dossier_due_dates_lookup_idx" ON "dossier_due_dates" ("tenant_id", "dossier_id", "effective_at");--> statement-breakpoint
-- Dossiers received before this migration: their due date as it stands now, from receipt on (the
-- only history there is; a report of a past period reads them as it did before). dossiers is
-- FORCE RLS with no policy for the owner: lifted for this statement, restored in the same
-- transaction, as 0022 does.
ALTER TABLE dossiers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO "dossier_due_dates" ("tenant_id", "dossier_id", "due_at", "effective_at", "event_key")
  SELECT "tenant_id", "id", "due_at", "received_at", 'migration-0049' FROM dossiers WHERE "due_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE dossiers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
SELECT gov_enable_tenant_rls('dossier_due_dates'::regclass);--> statement-breakpoint
ALTER TABLE "dossier_due_dates" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON "dossier_due_dates" TO gov_app;
