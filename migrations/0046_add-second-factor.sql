-- A second factor (TOTP, RFC 6238) for administrators. Global like users, sessions and
-- one_time_codes: an admin proves it before any province is in play, so these tables have no
-- tenant column and no RLS, and gov_ministry gets nothing. gov_app may also DELETE: a reset by a
-- higher admin removes the authenticator (and with it the recovery codes) so the admin enrols afresh.
-- The shared secret is stored only encrypted (AES-256-GCM, key outside the database, the user id as
-- associated data so a ciphertext cannot be moved to another account); the CHECK refuses anything
-- not in that envelope, so a clear base32 secret can never be written by mistake.
CREATE TABLE "second_factors" (
  "user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
  "secret_ciphertext" text NOT NULL CHECK ("secret_ciphertext" LIKE 'v1.%.%.%'),
  "enrolled_at" timestamp with time zone,
  "last_used_step" bigint,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
-- Ten single-use recovery codes per enrolment; only their SHA-256 is kept (they carry 80 random bits).
CREATE TABLE "second_factor_recovery_codes" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "second_factors"("user_id") ON DELETE CASCADE,
  "code_digest" text NOT NULL,
  "used_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "second_factor_recovery_codes_user_idx" ON "second_factor_recovery_codes" ("user_id");--> statement-breakpoint
-- When the session passed the second factor; null while an admin's session waits for it. gov_app's
-- table-wide grants on sessions (0004) cover the new column.
ALTER TABLE "sessions" ADD COLUMN "second_factor_at" timestamp with time zone;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "second_factors", "second_factor_recovery_codes" TO gov_app;
