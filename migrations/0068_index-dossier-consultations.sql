-- The three ways consultations are read: a dossier's answers (the asking unit, the control
-- sheet), a unit's requests to answer (its inbox), and the late ones of the asking units (the
-- work list and the report figure).
CREATE INDEX "dossier_consultations_dossier_idx" ON "dossier_consultations" ("tenant_id", "dossier_id", "requested_at");--> statement-breakpoint
CREATE INDEX "dossier_consultations_consulted_idx" ON "dossier_consultations" ("tenant_id", "consulted_unit_id", "due_at") WHERE "answered_at" IS NULL;--> statement-breakpoint
CREATE INDEX "dossier_consultations_late_idx" ON "dossier_consultations" ("tenant_id", "asking_unit_id", "due_at") WHERE "late";
