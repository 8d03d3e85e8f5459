-- Inter-province agreements (quy chế phối hợp, docs/domain/lien-thong.md): a province may hand a
-- dossier over to another province's unit only under an agreement the other province accepted.
-- An agreement has two parties, each a tenant. Rather than one row both tenants could read (an
-- OR of two tenant columns in the policy, the shape docs/architecture.md warns against), each
-- party keeps its own copy under the ordinary tenant policy: tenant_id is the party, the same id
-- names the agreement on both sides, and every state change writes both copies in one
-- transaction (withTenantPair). A province therefore sees exactly the agreements it is party to.
CREATE TABLE "hand_over_agreements" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid NOT NULL,
  -- Which side this copy belongs to: the proposing (sending) province or the receiving one.
  "party" text NOT NULL CONSTRAINT "hand_over_agreements_party_check" CHECK ("party" IN ('source', 'target')),
  "source_tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "target_tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "procedure_code" text NOT NULL,
  -- Units of the sending province that hand over, and units of the receiving one that receive.
  "source_unit_ids" uuid[] NOT NULL,
  "target_unit_ids" uuid[] NOT NULL,
  -- Working hours the receiving province's steps may take in all (its time budget).
  "allotted_working_hours" integer NOT NULL CONSTRAINT "hand_over_agreements_hours_check" CHECK ("allotted_working_hours" > 0),
  "note" text,
  "status" text NOT NULL CONSTRAINT "hand_over_agreements_status_check" CHECK ("status" IN ('proposed', 'accepted', 'refused', 'withdrawn')),
  "decision_reason" text,
  "proposed_by" uuid NOT NULL REFERENCES "users"("id"),
  "proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
  "decided_by" uuid REFERENCES "users"("id"),
  "decided_at" timestamp with time zone,
  "withdrawn_by" uuid REFERENCES "users"("id"),
  "withdrawn_at" timestamp with time zone,
  CONSTRAINT "hand_over_agreements_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "hand_over_agreements_party_tenant_check" CHECK (
    "source_tenant_id" <> "target_tenant_id"
    AND "tenant_id" = CASE "party" WHEN 'source' THEN "source_tenant_id" ELSE "target_tenant_id" END
  )
);--> statement-breakpoint
-- The hand-over check: this province's accepted agreements with one other province for one procedure.
CREATE INDEX "hand_over_agreements_lookup_idx" ON "hand_over_agreements" ("tenant_id", "procedure_code", "status");--> statement-breakpoint
SELECT gov_enable_tenant_rls('hand_over_agreements'::regclass);--> statement-breakpoint
ALTER TABLE "hand_over_agreements" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "hand_over_agreements" TO gov_app;--> statement-breakpoint
-- Each dossier handed over under an agreement, in both parties' tenants (the agreement's use).
-- Keyed by the hand-over workflow, so a retried activity records it once.
CREATE TABLE "hand_over_agreement_uses" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "agreement_id" uuid NOT NULL,
  "hand_over_workflow_id" text NOT NULL,
  "dossier_id" uuid NOT NULL,
  "dossier_code" text NOT NULL,
  "handed_over_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "hand_over_agreement_uses_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "hand_over_agreement_uses_workflow_key" UNIQUE ("tenant_id", "hand_over_workflow_id"),
  CONSTRAINT "hand_over_agreement_uses_agreement_fk" FOREIGN KEY ("tenant_id", "agreement_id") REFERENCES "hand_over_agreements"("tenant_id", "id")
);--> statement-breakpoint
CREATE INDEX "hand_over_agreement_uses_agreement_idx" ON "hand_over_agreement_uses" ("tenant_id", "agreement_id");--> statement-breakpoint
SELECT gov_enable_tenant_rls('hand_over_agreement_uses'::regclass);--> statement-breakpoint
ALTER TABLE "hand_over_agreement_uses" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT ON "hand_over_agreement_uses" TO gov_app;
