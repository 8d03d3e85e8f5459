-- The national public-service portal's outbox (Cổng Dịch vụ công quốc gia): one row per change of
-- what the portal holds about a dossier (its status, due date, result dates), written by the
-- workflow's projection in the transaction of the change (docs/domain/national-portal-sync.md).
-- `seq` orders a dossier's rows: the relay sends only a dossier's lowest undelivered row, so a
-- later status never overtakes an earlier one, and one that is retrying (or dead) holds the rest.
-- `payload` is the record as the portal receives it (no citizen ID number is ever in it);
-- `last_error` the portal's error code and message or the transport's error, never the payload.
-- A row that failed `attempts` times is dead (`dead_at`): listed for the admins, replayable.
CREATE TABLE "portal_sync_outbox" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "dossier_id" uuid NOT NULL,
  "seq" integer NOT NULL CONSTRAINT "portal_sync_outbox_seq_check" CHECK ("seq" >= 1),
  "national_status" smallint NOT NULL CONSTRAINT "portal_sync_outbox_national_status_check" CHECK ("national_status" BETWEEN 1 AND 10),
  "payload" jsonb NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
  "last_error" text,
  "dispatched_at" timestamp with time zone,
  "dead_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "portal_sync_outbox_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "portal_sync_outbox_dossier_seq_key" UNIQUE ("tenant_id", "dossier_id", "seq"),
  CONSTRAINT "portal_sync_outbox_dossier_fk" FOREIGN KEY ("tenant_id", "dossier_id") REFERENCES "dossiers"("tenant_id", "id")
);--> statement-breakpoint
-- What the relay looks up every poll: rows still to send. Partial, so it stays as small as the backlog.
CREATE INDEX "portal_sync_outbox_pending_idx" ON "portal_sync_outbox" ("tenant_id", "next_attempt_at")
  WHERE "dispatched_at" IS NULL AND "dead_at" IS NULL;--> statement-breakpoint
-- The dead-letter list the admins read.
CREATE INDEX "portal_sync_outbox_dead_idx" ON "portal_sync_outbox" ("tenant_id", "dead_at")
  WHERE "dispatched_at" IS NULL AND "dead_at" IS NOT NULL;--> statement-breakpoint
SELECT gov_enable_tenant_rls('portal_sync_outbox'::regclass);--> statement-breakpoint
ALTER TABLE "portal_sync_outbox" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Delivered rows stay as the record of what the portal was sent: no DELETE.
GRANT SELECT, INSERT, UPDATE ON "portal_sync_outbox" TO gov_app;
