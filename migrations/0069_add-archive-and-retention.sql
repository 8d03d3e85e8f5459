-- Archive and retention of closed dossiers (docs/domain/archive-and-retention.md).
--
-- The province's archive period: months after a dossier closed before the archive run moves its
-- files to archive storage. A province admin sets it, like the stuck threshold (0045): gov_app may
-- change this one column of tenants, and the row's revision covers it.
ALTER TABLE "tenants" ADD COLUMN "archive_after_months" smallint DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_archive_after_months_check" CHECK ("archive_after_months" BETWEEN 1 AND 120);--> statement-breakpoint
GRANT UPDATE ("archive_after_months") ON "tenants" TO gov_app;--> statement-breakpoint

-- A catalog version's retention period in years; null is permanent (vĩnh viễn) and is never
-- deleted, so an entry nobody classified fails safe. The catalog is versioned: a new retention is
-- a new version, and the deletion run reads the newest version's for every dossier of the code.
ALTER TABLE "procedures" ADD COLUMN "retention_years" smallint;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_retention_years_check" CHECK ("retention_years" IN (5, 10, 20, 70));--> statement-breakpoint

-- When the archive run moved the dossier's files to archive storage (ARCHIVE_DIR, same keys), and
-- when the deletion run deleted it after its retention. A deleted dossier keeps its row stripped
-- of the applicant's data and files, so every report period it was counted in keeps its figures;
-- neither column is a counted fact, so the dossier_counts trigger (0059) does not fire for them.
ALTER TABLE "dossiers" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_archive_order_check"
  CHECK (("archived_at" IS NULL OR "closed_at" IS NOT NULL) AND ("deleted_at" IS NULL OR "archived_at" IS NOT NULL));--> statement-breakpoint
-- The deletion run walks a province's archived dossiers by closing time.
CREATE INDEX "dossiers_archived_idx" ON "dossiers" ("tenant_id", "closed_at") WHERE "archived_at" IS NOT NULL AND "deleted_at" IS NULL;
