-- Where each citizen filed (applicant_provinces) names a tenant, so like every such table it is
-- under forced RLS: officers see their own province's rows (the usual tenant policy, which also
-- scopes the intake's insert), the ministry reads all, and a signed-in citizen reads only their
-- own rows, set by a bound, transaction-local set_config('app.user_id', …) (withUser), before
-- any province is chosen. Without either setting the app sees nothing.
-- The tenant leads the primary key as on every tenant table; the citizen's lookup gets its index.
ALTER TABLE applicant_provinces DROP CONSTRAINT applicant_provinces_user_id_tenant_id_pk;--> statement-breakpoint
ALTER TABLE applicant_provinces ADD CONSTRAINT applicant_provinces_tenant_id_user_id_pk PRIMARY KEY (tenant_id, user_id);--> statement-breakpoint
CREATE INDEX applicant_provinces_user_idx ON applicant_provinces (user_id);--> statement-breakpoint
SELECT gov_enable_tenant_rls('applicant_provinces');--> statement-breakpoint
CREATE POLICY applicant_provinces_own_rows ON applicant_provinces FOR SELECT TO gov_app
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
