-- Drafts of online submissions (bản nháp, docs/domain/dossier-drafts.md): a signed-in citizen
-- saves the guided form of a procedure and resumes it later, on any device. A draft holds the
-- form's fields and, per component, ids of documents in the citizen's data store, never files:
-- a file chosen for a draft is first kept in the store (kind 'uploaded' below), so submitting a
-- draft is the intake's "reuse a stored document" path.

-- A file the citizen uploaded into their store for a draft comes with no dossier yet.
ALTER TABLE "citizen_documents" ALTER COLUMN "source_dossier_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "citizen_documents" ALTER COLUMN "source_dossier_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "citizen_documents" ALTER COLUMN "source_file_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "citizen_documents" DROP CONSTRAINT "citizen_documents_kind_check";--> statement-breakpoint
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_kind_check" CHECK ("kind" IN ('submitted', 'result', 'uploaded'));--> statement-breakpoint
-- Uploaded documents, and only they, name no source dossier.
ALTER TABLE "citizen_documents" ADD CONSTRAINT "citizen_documents_source_check" CHECK (
  ("kind" = 'uploaded') = ("source_dossier_id" IS NULL)
  AND ("source_dossier_id" IS NULL) = ("source_file_id" IS NULL)
  AND ("source_dossier_id" IS NULL) = ("source_dossier_code" IS NULL)
);--> statement-breakpoint

-- tenant_id is the province the draft will be filed in. The row is its owner's alone, like
-- citizen_documents: the tenant policy scopes writes to the province, and restrictive policies
-- require app.user_id to be the owner for every read, change and delete, so officers of
-- the province (whose transactions set only the tenant) see none. The owner lists their drafts
-- of every province with only app.user_id set (withUser). revision is raised by the trigger of
-- 0044 on every update: saves name the revision they start from (If-Match).
CREATE TABLE "dossier_drafts" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "owner_user_id" uuid NOT NULL REFERENCES "users"("id"),
  "procedure_code" text NOT NULL,
  "procedure_name" text NOT NULL,
  "form" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "documents" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "revision" integer DEFAULT 1 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  -- Set in the intake's transaction; a submitted draft is frozen and no longer listed.
  "submitted_at" timestamp with time zone,
  "submitted_dossier_id" uuid,
  CONSTRAINT "dossier_drafts_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "dossier_drafts_dossier_fk" FOREIGN KEY ("tenant_id", "submitted_dossier_id") REFERENCES "dossiers"("tenant_id", "id"),
  CONSTRAINT "dossier_drafts_submitted_check" CHECK (("submitted_at" IS NULL) = ("submitted_dossier_id" IS NULL))
);--> statement-breakpoint
-- The owner's open drafts, last saved first (and their count, for the cap).
CREATE INDEX "dossier_drafts_owner_idx" ON "dossier_drafts" ("owner_user_id", "updated_at" DESC) WHERE "submitted_at" IS NULL;--> statement-breakpoint
CREATE TRIGGER dossier_drafts_raise_revision BEFORE UPDATE ON dossier_drafts FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();--> statement-breakpoint
SELECT gov_enable_tenant_rls('dossier_drafts'::regclass);--> statement-breakpoint
ALTER TABLE "dossier_drafts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- The owner lists their drafts with no province chosen.
CREATE POLICY dossier_drafts_own_rows ON dossier_drafts FOR SELECT TO gov_app
  USING (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
-- ...and only the owner: restrictive, so the tenant policy alone never opens a row to officers.
-- Inserts are scoped by the tenant policy; the service names the signed-in citizen as owner.
CREATE POLICY dossier_drafts_owner_reads ON dossier_drafts AS RESTRICTIVE FOR SELECT TO gov_app
  USING (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY dossier_drafts_owner_changes ON dossier_drafts AS RESTRICTIVE FOR UPDATE TO gov_app
  USING (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY dossier_drafts_owner_deletes ON dossier_drafts AS RESTRICTIVE FOR DELETE TO gov_app
  USING (owner_user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "dossier_drafts" TO gov_app;--> statement-breakpoint
GRANT UPDATE ("form", "documents", "updated_at", "submitted_at", "submitted_dossier_id") ON "dossier_drafts" TO gov_app;
