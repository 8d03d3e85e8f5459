DROP INDEX "outbox_pending_idx";--> statement-breakpoint
CREATE INDEX "dossiers_applicant_user_idx" ON "dossiers" USING btree ("tenant_id","applicant_user_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "dossiers_received_idx" ON "dossiers" USING btree ("tenant_id","received_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("tenant_id","created_at") WHERE "outbox"."dispatched_at" is null;