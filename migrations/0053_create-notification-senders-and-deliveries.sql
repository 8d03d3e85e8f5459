-- Notifications per province (docs/domain/notifications.md). Three things:
--
-- 1. Each province's own sender identity: the SMS brand name (tên định danh), the email sender
--    (From name and address) and its Zalo Official Account. One row per province; no row, or a
--    null column, means the platform default from the worker's configuration. Edited by the
--    province admin with If-Match, so it carries a revision raised by the trigger of 0044.
CREATE TABLE "notification_senders" (
  "tenant_id" uuid PRIMARY KEY NOT NULL REFERENCES "tenants"("id"),
  -- Carriers register brand names of at most 11 characters: letters, digits, space, dot, dash, underscore.
  "sms_brandname" text CHECK ("sms_brandname" ~ '^[A-Za-z0-9 ._-]{1,11}$'),
  "mail_from_name" text CHECK (char_length("mail_from_name") BETWEEN 1 AND 100),
  "mail_from_address" text CHECK (char_length("mail_from_address") <= 254 AND "mail_from_address" LIKE '%_@_%'),
  "zalo_oa_id" text CHECK ("zalo_oa_id" ~ '^[0-9]{1,25}$'),
  "updated_by" uuid,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "revision" integer DEFAULT 1 NOT NULL
);--> statement-breakpoint
CREATE TRIGGER notification_senders_raise_revision BEFORE UPDATE ON "notification_senders" FOR EACH ROW EXECUTE FUNCTION gov_raise_revision();--> statement-breakpoint
SELECT gov_enable_tenant_rls('notification_senders'::regclass);--> statement-breakpoint
ALTER TABLE "notification_senders" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "notification_senders" TO gov_app;--> statement-breakpoint

-- 2. Every message a province pays for, one row per attempt on one channel: sent once, or failed
--    (each failed attempt). The usage report counts them per month and channel; the unique key
--    on what was sent makes a retry skip the channels that already went out, so when one
--    channel fails, the channels that went out are not sent again on the retry. No destination and no text are kept:
--    the outbox row says what was sent, this table only how much it cost.
CREATE TABLE "notification_deliveries" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  -- The outbox row (or account message) the delivery belongs to.
  "message_id" uuid NOT NULL,
  "channel" text NOT NULL CHECK ("channel" IN ('email', 'sms', 'zalo')),
  "status" text NOT NULL CHECK ("status" IN ('sent', 'failed')),
  -- The provider's error code on failure (e.g. ZNS -108), never its free text.
  "error_code" text CHECK (char_length("error_code") <= 40),
  -- The provider's message id when it gives one (ZNS msg_id).
  "provider_id" text CHECK (char_length("provider_id") <= 100),
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "notification_deliveries_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id")
);--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_sent_key" ON "notification_deliveries" ("tenant_id", "message_id", "channel") WHERE "status" = 'sent';--> statement-breakpoint
-- The usage report reads a province's deliveries of a period.
CREATE INDEX "notification_deliveries_at_idx" ON "notification_deliveries" ("tenant_id", "at");--> statement-breakpoint
SELECT gov_enable_tenant_rls('notification_deliveries'::regclass);--> statement-breakpoint
ALTER TABLE "notification_deliveries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Append-only: a delivery that happened is never rewritten.
GRANT SELECT, INSERT ON "notification_deliveries" TO gov_app;--> statement-breakpoint

-- 3. How a citizen wants to hear about their dossiers: email, SMS or Zalo (ZNS, to their phone).
--    Null keeps the default of every contact the dossier has. Global like the citizen's contacts.
ALTER TABLE "users" ADD COLUMN "notification_channel" text CHECK ("notification_channel" IN ('email', 'sms', 'zalo'));
