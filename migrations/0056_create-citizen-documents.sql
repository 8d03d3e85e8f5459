-- The citizen data store (kho dữ liệu của công dân, docs/domain/citizen-data-store.md): the files
-- of a citizen's dossiers and the results issued to them, kept per citizen account so a later
-- online submission can reuse them without uploading again.
-- A row names the province whose dossier the file came from (tenant_id) and points at that
-- province's dossier file; the bytes are that file's object (storage_key, in that province's
-- folder). Rows are written in the province's intake or result transaction, so the usual tenant
-- policy scopes the insert. Reading is the owner's alone: a restrictive policy requires
-- app.user_id to be the owner for every read and change, so officers of the province, whose
-- transactions set only the tenant, see no row; the owner reads across provinces with only
-- app.user_id set (withUser), like applicant_provinces. Hiding sets deleted_at, nothing else.
CREATE TABLE "citizen_documents" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "owner_user_id" uuid NOT NULL REFERENCES "users"("id"),
  "source_dossier_id" uuid NOT NULL,
  "source_dossier_code" text NOT NULL,
  "source_file_id" uuid NOT NULL,
  "component_name" text NOT NULL,
  "file_name" text NOT NULL,
  "content_type" text NOT NULL,
  "sha256" text NOT NULL,
  "size_bytes" bigint NOT NULL,
  "storage_key" text NOT NULL,
  "kind" text NOT NULL CONSTRAINT "citizen_documents_kind_check" CHECK ("kind" IN ('submitted', 'result')),
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone,
  CONSTRAINT "citizen_documents_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  -- One store entry per dossier file.
  CONSTRAINT "citizen_documents_source_file_key" UNIQUE ("tenant_id", "source_file_id"),
  CONSTRAINT "citizen_documents_dossier_fk" FOREIGN KEY ("tenant_id", "source_dossier_id") REFERENCES "dossiers"("tenant_id", "id"),
  CONSTRAINT "citizen_documents_file_fk" FOREIGN KEY ("tenant_id", "source_file_id") REFERENCES "dossier_files"("tenant_id", "id")
);--> statement-breakpoint
-- The owner's list, newest first, of what they have not hidden.
CREATE INDEX "citizen_documents_owner_idx" ON "citizen_documents" ("owner_user_id", "created_at" DESC) WHERE "deleted_at" IS NULL;--> statement-breakpoint
SELECT gov_enable_tenant_rls('citizen_documents'::regclass);--> statement-breakpoint
ALTER TABLE "citizen_documents" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The owner reads their rows with no province chosen.
CREATE POLICY citizen_documents_own_rows ON citizen_documents FOR SELECT TO gov_app
  USING (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
-- ...and only the owner: restrictive, so the tenant policy alone never opens a row to officers.
CREATE POLICY citizen_documents_owner_reads ON citizen_documents AS RESTRICTIVE FOR SELECT TO gov_app
  USING (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY citizen_documents_owner_hides ON citizen_documents AS RESTRICTIVE FOR UPDATE TO gov_app
  USING (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
GRANT SELECT, INSERT ON "citizen_documents" TO gov_app;--> statement-breakpoint
GRANT UPDATE ("deleted_at") ON "citizen_documents" TO gov_app;--> statement-breakpoint
-- A dossier file taken from the store names the dossier it came from (its code), for the officer.
ALTER TABLE "dossier_files" ADD COLUMN "reused_from" text;
