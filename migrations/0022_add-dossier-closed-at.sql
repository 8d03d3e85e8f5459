ALTER TABLE "dossiers" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint

-- When each dossier already closed. A result closes it at finished_at. A refusal at intake (3), a
-- withdrawal (7) or a stop (8) left no time on the row: it is the earliest event the workflow
-- recorded for it, and a row without one (synthetic or imported) closed on receipt, as the reports
-- took it until now, so no period's figures move. Open dossiers stay null. The owner is not exempt
-- from RLS (FORCE, no policy for gov_owner): lifted for this statement and restored inside the
-- migration's transaction, as in 0019 to 0021. The index is built after the rows are written.
ALTER TABLE dossiers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE dossier_events NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE dossiers d SET closed_at = coalesce(
    d.finished_at,
    (SELECT min(e.occurred_at) FROM dossier_events e
      WHERE e.tenant_id = d.tenant_id AND e.dossier_id = d.id AND e.kind IN ('refused', 'withdrawn', 'stopped')),
    d.received_at)
  WHERE d.finished_at IS NOT NULL OR d.national_status IN (3, 7, 8);--> statement-breakpoint
ALTER TABLE dossier_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE dossiers FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "dossiers_closed_idx" ON "dossiers" USING btree ("tenant_id","closed_at");--> statement-breakpoint
-- The report's plans read closed_at's statistics, which the next autovacuum would only gather
-- later. ANALYZE runs in the transaction; VACUUM cannot: the update above leaves a dead copy of
-- most rows until (auto)vacuum runs.
ANALYZE dossiers;
