ALTER TABLE "dossiers" ADD COLUMN "hand_over_workflow_id" text;--> statement-breakpoint

-- Dossiers in a hand-over (liên thông) when this column appeared: the child named by the last
-- hand-over event that no return, stop or withdrawal followed. The parent workflow writes the
-- column only on its next transition, and until then the action route would send step actions
-- to the parent. The owner is not exempt from RLS (FORCE, no policy for gov_owner): lifted for
-- this statement and restored inside the migration's transaction, as in 0019.
ALTER TABLE dossiers NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE dossier_events NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE dossiers d SET hand_over_workflow_id = last.content->>'handOverWorkflowId'
  FROM (
    SELECT DISTINCT ON (tenant_id, dossier_id) tenant_id, dossier_id, kind, content FROM dossier_events
    WHERE kind IN ('handed_over', 'hand_over_returned', 'stopped', 'withdrawn')
    ORDER BY tenant_id, dossier_id, occurred_at DESC
  ) last
  WHERE last.tenant_id = d.tenant_id AND last.dossier_id = d.id AND last.kind = 'handed_over';--> statement-breakpoint
ALTER TABLE dossier_events FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE dossiers FORCE ROW LEVEL SECURITY;
