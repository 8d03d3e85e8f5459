-- The reports count dossiers with their own queries (services/core/src/reports) and nothing ever
-- read this view; a second, unused definition of "a status count" is one the two could disagree on.
-- The catalog test still holds any view added later to security_invoker.
DROP VIEW dossier_status_counts;
