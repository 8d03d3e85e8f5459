-- Jurisdiction-free intake (Decree 118/2025, docs/domain/jurisdiction-free-intake.md): a dossier
-- of a procedure so marked may be received at any one-stop unit of the province and is routed to
-- the competent unit by rules the province admin sets: the applicant's commune or ward (its
-- national administrative code) → the competent unit; a rule without a commune is the default.
-- A rule without a procedure applies to every jurisdiction-free procedure of the province.
CREATE TABLE "intake_routing_rules" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "procedure_code" text,
  "commune_code" text,
  "competent_unit_id" uuid NOT NULL,
  "created_by" uuid REFERENCES "users"("id"),
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "intake_routing_rules_tenant_id_id_pk" PRIMARY KEY ("tenant_id", "id"),
  CONSTRAINT "intake_routing_rules_unit_fk" FOREIGN KEY ("tenant_id", "competent_unit_id") REFERENCES "org_units"("tenant_id", "id")
);--> statement-breakpoint
-- One rule per (procedure or all, commune or default).
CREATE UNIQUE INDEX "intake_routing_rules_key" ON "intake_routing_rules" ("tenant_id", coalesce("procedure_code", ''), coalesce("commune_code", ''));--> statement-breakpoint
SELECT gov_enable_tenant_rls('intake_routing_rules'::regclass);--> statement-breakpoint
ALTER TABLE "intake_routing_rules" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "intake_routing_rules" TO gov_app;--> statement-breakpoint
-- The unit the routing chose for a jurisdiction-free dossier (receiving_unit_id stays the unit
-- that received it from the applicant); null for every other dossier.
ALTER TABLE "dossiers" ADD COLUMN "routed_to_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_routed_to_unit_fk" FOREIGN KEY ("tenant_id", "routed_to_unit_id") REFERENCES "org_units"("tenant_id", "id");
