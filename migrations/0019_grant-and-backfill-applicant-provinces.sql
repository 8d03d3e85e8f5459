-- Where each citizen filed (applicant_provinces) is global, like users: no tenant column policy,
-- because it is read before any province is chosen. The intake adds a row (INSERT … ON CONFLICT
-- DO NOTHING) and "my dossiers" reads them; a row is never changed or removed by the app.
GRANT SELECT, INSERT ON applicant_provinces TO gov_app;--> statement-breakpoint

-- Dossiers filed before this table existed. The owner is not exempt from RLS on dossiers
-- (FORCE, and no policy for gov_owner), so it is lifted for this one statement and restored
-- before the migration's transaction commits: no other session ever sees it lifted, and should
-- anything fail here the whole migration rolls back with FORCE still in place.
ALTER TABLE dossiers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO applicant_provinces (user_id, tenant_id, first_filed_at)
  SELECT applicant_user_id, tenant_id, min(received_at) FROM dossiers
  WHERE applicant_user_id IS NOT NULL GROUP BY applicant_user_id, tenant_id
  ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE dossiers FORCE ROW LEVEL SECURITY;
