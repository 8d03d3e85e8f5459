DROP INDEX "dossiers_inbox_idx";--> statement-breakpoint
CREATE INDEX "dossiers_inbox_idx" ON "dossiers" USING btree ("tenant_id","current_unit_id","national_status","received_at" DESC NULLS FIRST);