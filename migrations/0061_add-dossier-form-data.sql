-- The values the applicant filled in on the procedure's form (its declared fields), kept with
-- the dossier; a process may branch on them (docs/domain/procedures-and-processes.md#branches).
-- Every dossier filed before has none.
ALTER TABLE "dossiers" ADD COLUMN "form_data" jsonb DEFAULT '{}'::jsonb NOT NULL;
