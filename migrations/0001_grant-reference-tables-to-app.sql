-- Least privilege for the app login role (gov_app) and the ministry oversight role.
-- Reference data (provinces, commune-level units) is read-only for both: it is written only by
-- the owner through the seed or an official import.
GRANT USAGE ON SCHEMA public TO gov_app, gov_ministry;--> statement-breakpoint
GRANT SELECT ON tenants, admin_units TO gov_app, gov_ministry;--> statement-breakpoint
-- The platform probe workflow's activity records one row per workflow id.
GRANT SELECT, INSERT ON workflow_probes TO gov_app;
