CREATE TABLE "applicant_provinces" (
	"user_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"first_filed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "applicant_provinces_user_id_tenant_id_pk" PRIMARY KEY("user_id","tenant_id")
);
--> statement-breakpoint
ALTER TABLE "applicant_provinces" ADD CONSTRAINT "applicant_provinces_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_provinces" ADD CONSTRAINT "applicant_provinces_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;