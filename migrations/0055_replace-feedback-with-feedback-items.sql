-- Feedback and complaints (phản ánh, kiến nghị) about a dossier, a unit or a procedure
-- (docs/domain/feedback-and-reports.md). The table `feedback` of the first schema was never read
-- nor written by the app (only a test fixture filled it), so it goes, with its channel enum, and
-- `feedback_items` takes its place with the shape the answer rule needs.
DROP TABLE "feedback";--> statement-breakpoint
DROP TYPE "public"."feedback_channel";--> statement-breakpoint
CREATE TYPE "public"."feedback_subject" AS ENUM('dossier', 'unit', 'procedure');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('open', 'answered', 'escalated');--> statement-breakpoint
-- The author is a citizen account, or a name with a phone or an email: never both missing.
-- Contact details are personal data: they leave only to answer the author, never to a log or the
-- public list. `due_at` is 5 working days on the province's calendar from `received_at`.
CREATE TABLE "feedback_items" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "subject" "feedback_subject" NOT NULL,
  "dossier_id" uuid,
  "procedure_code" text,
  "unit_id" uuid NOT NULL,
  "author_user_id" uuid REFERENCES "users"("id"),
  "contact_name" text CHECK (char_length("contact_name") <= 200),
  "contact_phone" text CHECK (char_length("contact_phone") <= 20),
  "contact_email" text CHECK (char_length("contact_email") <= 254),
  "content" text NOT NULL CHECK (char_length("content") BETWEEN 1 AND 4000),
  "publish_consent" boolean DEFAULT false NOT NULL,
  "status" "feedback_status" DEFAULT 'open' NOT NULL,
  "received_at" timestamp with time zone DEFAULT now() NOT NULL,
  "due_at" timestamp with time zone NOT NULL,
  "answered_at" timestamp with time zone,
  "answer" text CHECK (char_length("answer") <= 4000),
  "answered_by" uuid REFERENCES "users"("id"),
  "escalated_at" timestamp with time zone,
  CONSTRAINT "feedback_items_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "feedback_items_dossier_fk" FOREIGN KEY ("tenant_id", "dossier_id") REFERENCES "dossiers"("tenant_id", "id"),
  CONSTRAINT "feedback_items_unit_fk" FOREIGN KEY ("tenant_id", "unit_id") REFERENCES "org_units"("tenant_id", "id"),
  CONSTRAINT "feedback_items_subject_check" CHECK (
    ("subject" = 'dossier' AND "dossier_id" IS NOT NULL) OR ("subject" = 'procedure' AND "procedure_code" IS NOT NULL) OR "subject" = 'unit'
  ),
  CONSTRAINT "feedback_items_author_check" CHECK (
    "author_user_id" IS NOT NULL OR ("contact_name" IS NOT NULL AND ("contact_phone" IS NOT NULL OR "contact_email" IS NOT NULL))
  ),
  CONSTRAINT "feedback_items_answered_check" CHECK (("status" = 'answered') = ("answered_at" IS NOT NULL AND "answer" IS NOT NULL AND "answered_by" IS NOT NULL))
);--> statement-breakpoint
-- Officers list their units' items by status, newest first; reports count a period by receipt.
CREATE INDEX "feedback_items_unit_status_idx" ON "feedback_items" ("tenant_id", "unit_id", "status", "received_at");--> statement-breakpoint
CREATE INDEX "feedback_items_received_idx" ON "feedback_items" ("tenant_id", "received_at");--> statement-breakpoint
-- The province's policy (gov_enable_tenant_rls also forces it); forced here in so many words too,
-- so the migration alone shows that even the owner is scoped.
SELECT gov_enable_tenant_rls('feedback_items'::regclass);--> statement-breakpoint
ALTER TABLE "feedback_items" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Items are answered or escalated, never removed.
GRANT SELECT, INSERT, UPDATE ON "feedback_items" TO gov_app;
