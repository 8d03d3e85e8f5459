-- A report of a closed period looks up the dossiers whose due date changed at or after the
-- period's end (docs/domain/report-rules.md): by province and time, not by dossier.
CREATE INDEX "dossier_due_dates_effective_idx" ON "dossier_due_dates" ("tenant_id", "effective_at");
