CREATE TYPE "public"."admin_unit_kind" AS ENUM('commune', 'ward', 'special_zone');--> statement-breakpoint
CREATE TYPE "public"."tenant_kind" AS ENUM('province', 'municipality');--> statement-breakpoint
CREATE TABLE "admin_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"official_code" text,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"kind" "admin_unit_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_units_official_code_key" UNIQUE("official_code"),
	CONSTRAINT "admin_units_tenant_full_name_key" UNIQUE("tenant_id","full_name")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"kind" "tenant_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "workflow_probes" (
	"workflow_id" text PRIMARY KEY NOT NULL,
	"message" text NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;