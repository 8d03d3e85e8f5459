-- Sessions remember the device and address they were opened from and when they were last used,
-- so a user can see their active sessions and end any of them. gov_app's table-wide grants on
-- sessions cover the new columns.
ALTER TABLE "sessions" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" ("user_id");--> statement-breakpoint
-- Request counters shared by every API process (a per-process counter lets a client multiply its
-- allowance by the number of processes behind the balancer). One row per key: its window opens at
-- the key's first request; the counting statement is a single upsert, so concurrent requests
-- never lose a hit.
CREATE TABLE "request_counts" (
  "bucket" text NOT NULL,
  "window_start" timestamp with time zone NOT NULL,
  "hits" integer DEFAULT 1 NOT NULL,
  PRIMARY KEY ("bucket")
);--> statement-breakpoint
CREATE INDEX "request_counts_window_idx" ON "request_counts" ("window_start");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "request_counts" TO gov_app;
