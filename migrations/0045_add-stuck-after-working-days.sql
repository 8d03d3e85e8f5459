-- The province's threshold for "stuck" dossiers (hồ sơ tồn đọng) on its monitoring work lists: an
-- open dossier with no officer or applicant action for more than this many working days, counted
-- on the province's calendar (docs/domain/work-lists.md). A province admin sets it; gov_app may
-- change this one column of tenants, like the sign-in policy (0035). The revision trigger of
-- 0044 covers the whole row, so this setting is written with If-Match like the others.
ALTER TABLE "tenants" ADD COLUMN "stuck_after_working_days" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_stuck_after_working_days_check" CHECK ("stuck_after_working_days" BETWEEN 1 AND 60);--> statement-breakpoint
GRANT UPDATE ("stuck_after_working_days") ON "tenants" TO gov_app;
