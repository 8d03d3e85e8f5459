-- An inter-province hand-over (liên thông giữa hai tỉnh) gives the target province its own row of
-- the dossier, same id and code. The national report counts each dossier once, by the province
-- that received it from the applicant (docs/domain/report-rules.md), so the target's row names the
-- province it came from. Rows handed over before this migration are found by their shared id: the
-- later of two rows with one id is the copy.
ALTER TABLE "dossiers" ADD COLUMN "handed_over_from" uuid REFERENCES "tenants"("id");--> statement-breakpoint
ALTER TABLE dossiers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE dossiers c SET handed_over_from = s.tenant_id
  FROM dossiers s
  WHERE s.id = c.id AND s.tenant_id <> c.tenant_id AND s.received_at < c.received_at;--> statement-breakpoint
ALTER TABLE dossiers FORCE ROW LEVEL SECURITY;
