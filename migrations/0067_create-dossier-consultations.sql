-- Consultations (lấy ý kiến, docs/domain/consultations.md): a process step asks several units for
-- their opinion at once, each with its own deadline. A unit of another province answers its
-- request without reading the asking province's dossier: as with inter-province agreements
-- (0062), each province keeps its own copy of the request under the ordinary tenant policy, with
-- the same id on both sides, and the workflow's projection writes both copies in one transaction.
-- A consultation inside one province is a single row. The consulted province's copy carries
-- what its officers need to answer (dossier code, procedure, step, question) and nothing else.
CREATE TABLE "dossier_consultations" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid NOT NULL,
  "asking_tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "consulted_tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "dossier_id" uuid NOT NULL,
  "dossier_code" text NOT NULL,
  "procedure_code" text NOT NULL,
  -- The workflow that opened the request and takes its answer.
  "workflow_id" text NOT NULL,
  "step_key" text NOT NULL,
  "step_name" text NOT NULL,
  "question" text,
  "asking_unit_id" uuid NOT NULL,
  "consulted_unit_id" uuid NOT NULL,
  "requested_at" timestamp with time zone NOT NULL,
  "due_at" timestamp with time zone NOT NULL,
  "answer" text,
  "answered_by" uuid REFERENCES "users"("id"),
  "answered_at" timestamp with time zone,
  -- Set when the deadline passed with no answer; kept once an answer comes.
  "overdue_at" timestamp with time zone,
  -- Late: answered after the deadline, or not answered by it.
  "late" boolean GENERATED ALWAYS AS (coalesce("answered_at" > "due_at", "overdue_at" IS NOT NULL)) STORED,
  CONSTRAINT "dossier_consultations_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "dossier_consultations_copy_check" CHECK ("tenant_id" IN ("asking_tenant_id", "consulted_tenant_id")),
  CONSTRAINT "dossier_consultations_answer_check" CHECK (("answer" IS NULL) = ("answered_at" IS NULL))
);--> statement-breakpoint
SELECT gov_enable_tenant_rls('dossier_consultations'::regclass);--> statement-breakpoint
ALTER TABLE "dossier_consultations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "dossier_consultations" TO gov_app;
