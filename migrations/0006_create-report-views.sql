-- Report views run with the caller's rights (security_invoker), so row-level security applies
-- to whoever reads them: a province sees its own counts, the ministry role every province's.
-- A view without it would run as its owner and bypass RLS (docs/architecture.md: seen returning
-- every tenant's rows); the catalog test fails on any view that lacks it.
CREATE VIEW dossier_status_counts WITH (security_invoker = true) AS
  SELECT tenant_id, current_unit_id AS org_unit_id, national_status, count(*)::bigint AS dossiers,
         count(*) FILTER (WHERE overdue_at IS NOT NULL)::bigint AS overdue,
         count(*) FILTER (WHERE channel = 'online')::bigint AS online
  FROM dossiers
  GROUP BY tenant_id, current_unit_id, national_status;--> statement-breakpoint
GRANT SELECT ON dossier_status_counts TO gov_app, gov_ministry;
