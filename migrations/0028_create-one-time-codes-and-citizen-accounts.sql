-- Citizen self sign-up and one-time codes. users stays global (no RLS): gov_app's table-wide
-- SELECT, INSERT, UPDATE (0004) covers the new columns; gov_ministry keeps its column list, which
-- leaves contacts and the citizen-ID digest out.
-- The CCCD number is kept only as a keyed digest (HMAC-SHA256, key outside the database), so the
-- table cannot be read back into ID numbers, yet counter intake can find the account by it.
-- contact_verified_at defaults to now(): accounts made by an admin or a script had their contact
-- vouched for by whoever made them; only self sign-up writes null until a code is confirmed.
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "citizen_id_digest" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "contact_verified_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
CREATE UNIQUE INDEX "users_citizen_id_digest_key" ON "users" ("citizen_id_digest") WHERE "citizen_id_digest" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" (lower("email")) WHERE "email" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_phone_key" ON "users" ("phone") WHERE "phone" IS NOT NULL;--> statement-breakpoint
CREATE TYPE "public"."one_time_code_purpose" AS ENUM('verify_contact', 'reset_password', 'invitation');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('email', 'sms');--> statement-breakpoint
-- Only an HMAC of the code is stored; the code itself is derived from the row id with a key the
-- API and the worker hold, so the outbox row that asks for delivery carries no code either.
CREATE TABLE "one_time_codes" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
  "purpose" "one_time_code_purpose" NOT NULL,
  "channel" "contact_channel" NOT NULL,
  "destination" text NOT NULL,
  "code_digest" text NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "expires_at" timestamp with time zone NOT NULL,
  "used_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "one_time_codes_user_idx" ON "one_time_codes" ("user_id", "purpose", "created_at" DESC);--> statement-breakpoint
-- Account messages have no province (a citizen signing up has none), so they cannot ride the
-- tenant-scoped outbox; this is its global twin, drained by the same relay.
CREATE TABLE "account_outbox" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "code_id" uuid NOT NULL REFERENCES "one_time_codes"("id") ON DELETE CASCADE,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "dispatched_at" timestamp with time zone
);--> statement-breakpoint
CREATE INDEX "account_outbox_pending_idx" ON "account_outbox" ("created_at") WHERE "dispatched_at" IS NULL;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "one_time_codes", "account_outbox" TO gov_app;
