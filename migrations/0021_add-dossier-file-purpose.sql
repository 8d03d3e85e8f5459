ALTER TABLE "dossier_files" ADD COLUMN "purpose" text DEFAULT 'intake' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_purpose_check" CHECK ("dossier_files"."purpose" in ('intake', 'supplement', 'result'));--> statement-breakpoint

-- Files attached after intake used to say why in the component code (`supplement:<field>`,
-- `result:<field>`; component codes never contain a colon). They get the purpose and the plain
-- field. The owner is not exempt from RLS (FORCE, no policy for gov_owner): lifted for these
-- statements and restored inside the migration's transaction, as in 0019 and 0020.
ALTER TABLE dossier_files NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE dossier_files
  SET purpose = split_part(component_code, ':', 1), component_code = substr(component_code, strpos(component_code, ':') + 1)
  WHERE component_code LIKE 'supplement:%' OR component_code LIKE 'result:%';--> statement-breakpoint
-- A result or supplement retried before attaching was idempotent left the same bytes twice under
-- the same field (same storage key, content-addressed). The earliest row stays, as a retry now
-- answers with it; the unique index below could not be built otherwise. Their audit entries stay.
DELETE FROM dossier_files later USING dossier_files kept
  WHERE later.purpose <> 'intake' AND kept.tenant_id = later.tenant_id AND kept.dossier_id = later.dossier_id
    AND kept.purpose = later.purpose AND kept.component_code = later.component_code AND kept.sha256 = later.sha256
    AND (kept.uploaded_at, kept.id) < (later.uploaded_at, later.id);--> statement-breakpoint
ALTER TABLE dossier_files FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_files_content_key" ON "dossier_files" USING btree ("tenant_id","dossier_id","purpose","component_code","sha256") WHERE "dossier_files"."purpose" <> 'intake';
