-- Satisfaction surveys (đánh giá sự hài lòng): one per dossier, answered by its applicant after the
-- result was returned, on the four criteria of the service index (docs/domain/feedback-and-reports.md).
-- No user id: the aggregates by unit and procedure are what anyone reads, never who answered what.
-- The receiving unit and the procedure code are copied from the dossier so the aggregates group
-- without joining every dossier again. One row per dossier (the unique key) and no second chance:
-- gov_app may only read and add, never change or remove an answer.
CREATE TABLE "satisfaction_surveys" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "dossier_id" uuid NOT NULL,
  "unit_id" uuid NOT NULL,
  "procedure_code" text NOT NULL,
  "attitude" smallint NOT NULL CHECK ("attitude" BETWEEN 1 AND 5),
  "timeliness" smallint NOT NULL CHECK ("timeliness" BETWEEN 1 AND 5),
  "clarity" smallint NOT NULL CHECK ("clarity" BETWEEN 1 AND 5),
  "overall" smallint NOT NULL CHECK ("overall" BETWEEN 1 AND 5),
  "comment" text CHECK (char_length("comment") <= 1000),
  "submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "satisfaction_surveys_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "satisfaction_surveys_dossier_key" UNIQUE ("tenant_id", "dossier_id"),
  CONSTRAINT "satisfaction_surveys_dossier_fk" FOREIGN KEY ("tenant_id", "dossier_id") REFERENCES "dossiers"("tenant_id", "id"),
  CONSTRAINT "satisfaction_surveys_unit_fk" FOREIGN KEY ("tenant_id", "unit_id") REFERENCES "org_units"("tenant_id", "id")
);--> statement-breakpoint
-- The results page reads a province's answers of a period.
CREATE INDEX "satisfaction_surveys_submitted_idx" ON "satisfaction_surveys" ("tenant_id", "submitted_at");--> statement-breakpoint
-- The province's policy (gov_enable_tenant_rls also forces it); forced here in so many words too,
-- so the migration alone shows that even the owner is scoped.
SELECT gov_enable_tenant_rls('satisfaction_surveys'::regclass);--> statement-breakpoint
ALTER TABLE "satisfaction_surveys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON "satisfaction_surveys" TO gov_app;
